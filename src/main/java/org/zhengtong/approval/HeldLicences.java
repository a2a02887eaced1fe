package org.zhengtong.approval;

/** Whether an applicant holds a valid e-licence of a type: how an e-licence replaces a paper material. */
interface HeldLicences {

    boolean holds(String holderId, String licenceNumber, String licenceType);
}
