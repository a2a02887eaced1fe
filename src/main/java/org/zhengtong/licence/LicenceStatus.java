package org.zhengtong.licence;

/**
 * Where a licence stands today (证照状态). Expiry is not stored: it follows from the validity and today's date in
 * China, so a licence expires at midnight Beijing time whatever the server's clock says. Revocation (注销/吊销) is
 * stored, with its reason, and wins over the dates.
 */
public enum LicenceStatus {
    VALID, EXPIRED, REVOKED
}
