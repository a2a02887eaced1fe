package org.zhengtong.approval.items;

/**
 * How an item's cases are handled (办理流程模板): by one department (SINGLE); by a lead department (牵头部门)
 * that accepts the case and decides after N departments have reviewed it in parallel (PARALLEL, 并联审批); or by
 * departments one after another (SEQUENCE, 串联审批).
 */
public enum ProcessTemplate {
    SINGLE,
    PARALLEL,
    SEQUENCE
}
