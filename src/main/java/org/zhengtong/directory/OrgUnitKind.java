package org.zhengtong.directory;

/** The kinds of org unit (组织机构类型) a city's directory holds. */
public enum OrgUnitKind {
    /** The city (or county) government at the root. */
    GOVERNMENT,
    /** A department of the government (局、委、办). */
    DEPARTMENT,
    /** A division inside a department (处、科、室). */
    DIVISION,
    /** A district government (区). */
    DISTRICT,
    /** A county government (县). */
    COUNTY;

    /** Units that stand on their own: a department manager's scope stops at the nearest one of these. */
    public boolean isAutonomous() {
        return this != DIVISION;
    }
}
