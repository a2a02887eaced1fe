package org.zhengtong.directory;

/**
 * Who holds an applicant account: a citizen, identified by their ID number (公民身份号码), or an enterprise or
 * other organisation, identified by its unified social credit code (统一社会信用代码).
 */
public enum ApplicantKind {
    PERSON,
    ENTERPRISE
}
