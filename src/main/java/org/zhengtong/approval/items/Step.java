package org.zhengtong.approval.items;

/**
 * One department's part in an item's process (办理环节) and its own limit in working days: for a PARALLEL item
 * one of the reviewers beside the lead department, for a SEQUENCE item one step in order, for a SINGLE item the
 * one department that handles it.
 */
public record Step(String department, int limitDays) {}
