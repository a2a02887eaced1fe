package org.zhengtong.approval.clock;

/**
 * Why a case's clock is stopped (暂停计时). The law leaves these periods out of the time limit: the applicant's
 * correction of the materials (补正), and special procedures the item's law provides for.
 */
public enum PauseKind {

    /** 补正: the applicant was told once what is missing (一次性告知) and the clock waits for it. */
    SUPPLEMENT,

    /** 专家评审: an expert review. */
    EXPERT_REVIEW,

    /** 听证: a hearing. */
    HEARING,

    /** 公示: a public notice period. */
    PUBLIC_NOTICE,

    /** 其他特别程序: another special procedure (检验、检测、检疫、鉴定 …). */
    OTHER
}
