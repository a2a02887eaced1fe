package org.zhengtong.approval.clock;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * The e-supervision colour (亮灯) of a case or a step, as of a day.
 *
 * <p>RED (红灯) once the day is after the promised deadline: the deadline day itself is still on time. YELLOW (黄灯)
 * from the day the elapsed working days reach 80 % of the promised limit, rounded up to whole days, until the
 * deadline. GREEN (绿灯) before that. A clock stopped by a pause keeps the colour it had when it stopped: a date it
 * had not reached is unknown (null) until the pause ends.
 */
public enum Colour {
    GREEN,
    YELLOW,
    RED;

    /** The colour on {@code day} of a clock whose yellow day and deadline are these (null: not reached). */
    public static Colour on(LocalDate day, @Nullable LocalDate yellowOn, @Nullable LocalDate due) {
        if (due != null && day.isAfter(due)) {
            return RED;
        }
        if (yellowOn != null && !day.isBefore(yellowOn)) {
            return YELLOW;
        }
        return GREEN;
    }

    /** The elapsed working days at which a limit turns yellow: 80 % of it, rounded up. */
    public static int yellowThreshold(int limitDays) {
        return (4 * limitDays + 4) / 5;
    }
}
