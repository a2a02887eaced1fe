package org.zhengtong.approval.rating;

import java.util.Arrays;
import java.util.Optional;

/**
 * The five grades of the national 好差评 scheme. The two lowest are 差评 (bad): they must say why, and they open a
 * follow-up for the department; the two highest are 好评 (good).
 */
public enum Grade {
    /** 非常满意. */
    VERY_SATISFIED(5),
    /** 满意. */
    SATISFIED(4),
    /** 基本满意. */
    FAIRLY_SATISFIED(3),
    /** 不满意. */
    DISSATISFIED(2),
    /** 非常不满意. */
    VERY_DISSATISFIED(1);

    private final int value;

    Grade(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public boolean bad() {
        return value <= 2;
    }

    public boolean good() {
        return value >= 4;
    }

    public static Optional<Grade> of(int value) {
        return Arrays.stream(values()).filter(g -> g.value == value).findFirst();
    }
}
