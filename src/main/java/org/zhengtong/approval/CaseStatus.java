package org.zhengtong.approval;

/** Where a case stands, as the applicant and the window see it. */
public enum CaseStatus {
    /** 已提交: waiting for the window to accept it. */
    SUBMITTED,
    /** 待补正: the window has said, once, everything that is missing; the clock is paused until it comes. */
    SUPPLEMENT_REQUESTED,
    /** 审查中: accepted, the departments are working on it. */
    IN_REVIEW,
    /** 不予受理: the window refused to accept it. */
    REFUSED,
    /** 准予许可: approved. */
    APPROVED,
    /** 不予许可: rejected after review. */
    REJECTED;

    public boolean finished() {
        return this == REFUSED || this == APPROVED || this == REJECTED;
    }
}
