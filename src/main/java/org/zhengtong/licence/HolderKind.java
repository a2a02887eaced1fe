package org.zhengtong.licence;

/**
 * Who holds licences of a type (持证主体类型): a person, known by the citizen ID number (GB 11643), or an
 * enterprise or other organisation, known by its unified social credit code (GB 32100).
 */
public enum HolderKind {
    PERSON, ENTERPRISE
}
