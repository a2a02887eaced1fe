package org.zhengtong.exchange.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.catalog.Vocabulary.DataType;
import org.zhengtong.catalog.Vocabulary.Standard;
import org.zhengtong.exchange.Dataset;
import org.zhengtong.shared.DivisionCodes;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.IdCardNumber;
import org.zhengtong.shared.InvalidCode;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * Validates and cleanses one record against its dataset's data items (清洗比对), in place. Cleansing trims blanks,
 * turns full-width digits and letters into half-width ones, writes every date as {@code yyyy-MM-dd} (and every
 * date-time as {@code yyyy-MM-dd HH:mm:ss}), and normalises code lists: an ID number's check {@code x} and a credit
 * code in capitals, yes and no as {@code true} and {@code false}. Validation then checks what is required, each
 * item's type and length, and the national standards an item names. Each kind of correction is counted.
 *
 * <p>{@link #check} runs the same rules over one record without changing or counting anything, for a person
 * correcting a quarantined record by hand before it is sent through the pipeline again.
 */
public final class Cleansing {

    static final int TRIM = 1;
    static final int WIDTH = 2;
    static final int DATE = 4;
    static final int CODE = 8;
    static final String[] KINDS = {"trim", "width", "date", "code"};

    private static final Pattern LOOSE_DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern LOOSE_DATETIME = Pattern.compile("(.+?)[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?");

    private final DataItem[] items;
    private final DivisionCodes divisions;
    private final boolean[] key;
    private int corrections;
    private final long[] counts = new long[KINDS.length];
    private long correctedRecords;

    Cleansing(Dataset dataset, DivisionCodes divisions) {
        this.items = dataset.items().toArray(DataItem[]::new);
        this.divisions = divisions;
        this.key = new boolean[items.length];
        for (int p : dataset.keyPositions()) {
            key[p] = true;
        }
    }

    /**
     * Cleanses and checks {@code values} in place; returns why the record is refused, or {@code null}. A delete
     * needs only its key items.
     */
    @Nullable Reason apply(@Nullable String[] values, boolean delete) {
        int made = 0;
        for (int i = 0; i < items.length; i++) {
            corrections = 0;
            DataItem item = items[i];
            String v = values[i];
            if (v != null) {
                v = cleanse(v, item);
                if (v == null) {
                    return reason;
                }
                values[i] = v.isEmpty() ? null : v;
                made |= corrections;
            }
            if (values[i] == null && (key[i] || (item.required() && !delete))) {
                return Reason.of("required", item.name(), item.name());
            }
            if (delete && !key[i]) {
                values[i] = null;
            }
        }
        lastMade = made;
        if (made != 0) {
            correctedRecords++;
            for (int k = 0; k < KINDS.length; k++) {
                if ((made & (1 << k)) != 0) {
                    counts[k]++;
                }
            }
        }
        return null;
    }

    /**
     * What the pipeline would refuse in one record, item by item: every refused item with its reason (the pipeline
     * stops at the first), none when the record would be accepted. {@code values} are in the dataset's item order
     * and are left as they are.
     */
    public static List<FieldProblem> check(Dataset dataset, DivisionCodes divisions, @Nullable String[] values) {
        Cleansing cleansing = new Cleansing(dataset, divisions);
        List<FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < cleansing.items.length; i++) {
            DataItem item = cleansing.items[i];
            String v = i < values.length ? values[i] : null;
            if (v != null) {
                v = cleansing.cleanse(v, item);
                if (v == null) {
                    Reason why = cleansing.reason;
                    problems.add(new FieldProblem(item.name(), why.messageKey(), (Object[]) why.args()));
                    continue;
                }
            }
            if ((v == null || v.isEmpty()) && (cleansing.key[i] || item.required())) {
                Reason why = Reason.of("required", item.name(), item.name());
                problems.add(new FieldProblem(item.name(), why.messageKey(), (Object[]) why.args()));
            }
        }
        return problems;
    }

    /** The corrections made to the record {@link #apply} accepted last. */
    int lastCorrections() {
        return lastMade;
    }

    private int lastMade;

    long correctedRecords() {
        return correctedRecords;
    }

    long count(int kind) {
        return counts[kind];
    }

    private @Nullable Reason reason;

    /** The cleansed value ("" when blank), or {@code null} with {@link #reason} set when it is refused. */
    private @Nullable String cleanse(String raw, DataItem item) {
        String v = raw.strip();
        if (v.length() != raw.length()) {
            corrections |= TRIM;
        }
        if (v.isEmpty()) {
            return v;
        }
        v = halfWidth(v);
        Standard standard = item.standard();
        DataType type = item.dataType();
        if (standard == Standard.DATE || type == DataType.DATE) {
            String date = date(v);
            if (date == null) {
                return refuse(Reason.of("not-date", item.name(), item.name(), v));
            }
            v = mark(v, date, DATE);
        } else if (type == DataType.DATETIME) {
            String dateTime = dateTime(v);
            if (dateTime == null) {
                return refuse(Reason.of("not-datetime", item.name(), item.name(), v));
            }
            v = mark(v, dateTime, DATE);
        } else if (type == DataType.NUMBER) {
            try {
                new BigDecimal(v);
            } catch (NumberFormatException e) {
                return refuse(Reason.of("not-number", item.name(), item.name(), v));
            }
        } else if (type == DataType.BOOLEAN) {
            String b = switch (v.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1", "y", "yes", "是", "t" -> "true";
                case "false", "0", "n", "no", "否", "f" -> "false";
                default -> null;
            };
            if (b == null) {
                return refuse(Reason.of("not-boolean", item.name(), item.name(), v));
            }
            v = mark(v, b, CODE);
        }
        if (standard == Standard.ID_NUMBER || standard == Standard.CREDIT_CODE) {
            v = mark(v, v.toUpperCase(java.util.Locale.ROOT), CODE);
            try {
                if (standard == Standard.ID_NUMBER) {
                    IdCardNumber.parse(v);
                } else {
                    UnifiedSocialCreditCode.parse(v);
                }
            } catch (InvalidCode e) {
                return refuse(Reason.code(e, item.name()));
            }
        } else if (standard == Standard.DIVISION_CODE && !divisions.isCurrent(v)) {
            return refuse(Reason.of("unknown-division", item.name(), item.name(), v));
        }
        Integer length = item.length();
        if (length != null && v.codePointCount(0, v.length()) > length) {
            return refuse(Reason.of("too-long-value", item.name(), item.name(), length));
        }
        return v;
    }

    private @Nullable String refuse(Reason why) {
        reason = why;
        return null;
    }

    private String mark(String before, String after, int kind) {
        if (!before.equals(after)) {
            corrections |= kind;
        }
        return after;
    }

    /** Full-width digits and Latin letters (ＡＢＣ１２３) become their half-width forms; other characters stay. */
    private String halfWidth(String v) {
        char[] chars = null;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c >= '０' && c <= '９') || (c >= 'Ａ' && c <= 'Ｚ') || (c >= 'ａ' && c <= 'ｚ')) {
                if (chars == null) {
                    chars = v.toCharArray();
                }
                chars[i] = (char) (c - 0xFEE0);
            }
        }
        if (chars == null) {
            return v;
        }
        corrections |= WIDTH;
        return new String(chars);
    }

    /** Reads a date written as 2026-03-05, 2026/3/5, 2026.3.5, 2026年3月5日 or 20260305; {@code null} if none. */
    static @Nullable String date(String v) {
        if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-') {
            return valid(v.substring(0, 4), v.substring(5, 7), v.substring(8, 10));
        }
        Matcher m = LOOSE_DATE.matcher(v);
        if (m.matches()) {
            return valid(m.group(1), m.group(2), m.group(3));
        }
        m = COMPACT_DATE.matcher(v);
        if (m.matches()) {
            return valid(m.group(1), m.group(2), m.group(3));
        }
        return null;
    }

    static @Nullable String dateTime(String v) {
        Matcher m = LOOSE_DATETIME.matcher(v);
        if (!m.matches()) {
            String date = date(v);
            return date == null ? null : date + " 00:00:00";
        }
        String date = date(m.group(1));
        int hour = Integer.parseInt(m.group(2));
        int minute = Integer.parseInt(m.group(3));
        int second = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        if (date == null || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        return "%s %02d:%02d:%02d".formatted(date, hour, minute, second);
    }

    private static @Nullable String valid(String y, String m, String d) {
        try {
            for (int i = 0; i < y.length(); i++) {
                if (!Character.isDigit(y.charAt(i))) {
                    return null;
                }
            }
            return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d)).toString();
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }
}
