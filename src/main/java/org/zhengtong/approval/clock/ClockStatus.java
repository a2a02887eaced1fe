package org.zhengtong.approval.clock;

/** Where a case's clock stands. */
public enum ClockStatus {

    /** Counting working days. */
    RUNNING,

    /** Stopped by an open pause; the colour is the one the case had when it stopped. */
    PAUSED,

    /** The case is finished (办结); its deadlines and days are final. */
    FINISHED
}
