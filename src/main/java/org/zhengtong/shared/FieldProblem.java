package org.zhengtong.shared;

/**
 * What is wrong with one field of some input: the field, the message key explaining it and the message's
 * arguments. Forms show it beside the field, imports beside the row, the API in the problem's {@code errors}.
 */
public record FieldProblem(String field, String messageKey, Object... args) {}
