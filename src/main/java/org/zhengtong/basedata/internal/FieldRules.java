package org.zhengtong.basedata.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.BaseField;
import org.zhengtong.basedata.FeedConsumer.Rejection;
import org.zhengtong.basedata.FeedRecord;
import org.zhengtong.basedata.LegalPersonField;
import org.zhengtong.basedata.PersonField;
import org.zhengtong.shared.DivisionCodes;
import org.zhengtong.shared.IdCardNumber;
import org.zhengtong.shared.InvalidCode;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * Checks a feed record before the merge and writes its values the one way the base stores them: the key as the
 * 18-character code (a 15-digit ID number upgraded), gender as 男/女, dates as yyyy-MM-dd, numbers without
 * trailing zeros, ethnicity as its GB/T 3304 name. The first rule a record breaks rejects it whole, naming the field.
 */
@Component
public class FieldRules {

    /** The 56 ethnic groups of GB/T 3304, by their names. */
    static final Set<String> ETHNICITIES = Set.of("汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族",
            "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族", "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族",
            "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族",
            "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族",
            "珞巴族", "基诺族");

    /** Registration statuses of a legal person. */
    static final Set<String> STATUSES = Set.of("存续", "吊销", "注销");

    private final DivisionCodes divisions;

    FieldRules(DivisionCodes divisions) {
        this.divisions = divisions;
    }

    /** A record that passed: its key and its non-empty values by field, normalised. */
    public record Checked(FeedRecord record, String key, Map<String, String> values) {}

    /** Checks one record: either {@link Checked} or a {@link Rejection}. */
    public Object check(Base base, FeedRecord record) {
        return base == Base.PERSON ? person(record) : legalPerson(record);
    }

    private Object person(FeedRecord r) {
        String raw = r.value(Base.PERSON.keyColumn());
        IdCardNumber id;
        try {
            id = IdCardNumber.parseOrUpgrade(raw);
        } catch (InvalidCode e) {
            return Rejection.of(r, "id_number", "basedata.reject.id-number", raw == null ? "" : raw);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (PersonField f : PersonField.values()) {
            String v = r.value(f.column());
            if (v == null) {
                continue;
            }
            String normal = switch (f) {
                case GENDER -> v.equals("1") ? "男" : v.equals("2") ? "女" : v;
                case ETHNICITY -> ETHNICITIES.contains(v) ? v : ETHNICITIES.contains(v + "族") ? v + "族" : null;
                case HOUSEHOLD_DIVISION -> divisions.isCurrent(v) ? v : null;
                default -> normal(f, v);
            };
            if (normal == null) {
                String key = switch (f) {
                    case ETHNICITY -> "basedata.reject.ethnicity";
                    case HOUSEHOLD_DIVISION -> "basedata.reject.division";
                    default -> f.type() == BaseField.Type.DATE ? "basedata.reject.date" : "basedata.reject.number";
                };
                return Rejection.of(r, f.column(), key, f.label(), v);
            }
            if (f == PersonField.GENDER && !normal.equals(id.isMale() ? "男" : "女")) {
                return Rejection.of(r, f.column(), "basedata.reject.gender", v, id.value());
            }
            if (f == PersonField.BIRTH_DATE && !normal.equals(id.birthDate().toString())) {
                return Rejection.of(r, f.column(), "basedata.reject.birth-date", v, id.value());
            }
            values.put(f.column(), normal);
        }
        return new Checked(r, id.value(), values);
    }

    private Object legalPerson(FeedRecord r) {
        String raw = r.value(Base.LEGAL_PERSON.keyColumn());
        UnifiedSocialCreditCode code;
        try {
            code = UnifiedSocialCreditCode.parse(raw);
        } catch (InvalidCode e) {
            return Rejection.of(r, "credit_code", "basedata.reject.credit-code", raw == null ? "" : raw);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (LegalPersonField f : LegalPersonField.values()) {
            String v = r.value(f.column());
            if (v == null) {
                continue;
            }
            String normal = switch (f) {
                case STATUS -> STATUSES.contains(v) ? v : null;
                case DIVISION -> divisions.isCurrent(v) ? v : null;
                default -> normal(f, v);
            };
            if (normal == null) {
                String key = switch (f) {
                    case STATUS -> "basedata.reject.status";
                    case DIVISION -> "basedata.reject.division";
                    default -> f.type() == BaseField.Type.DATE ? "basedata.reject.date" : "basedata.reject.number";
                };
                return Rejection.of(r, f.column(), key, f.label(), v);
            }
            values.put(f.column(), normal);
        }
        return new Checked(r, code.value(), values);
    }

    /** A value of the field's type as the base stores it, or null when it is not one. */
    public static @Nullable String normal(BaseField f, String v) {
        try {
            return switch (f.type()) {
                case DATE -> LocalDate.parse(v).toString();
                case NUMBER -> number(new BigDecimal(v));
                case TEXT -> v;
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * An ethnicity as the base stores it: one of the 56 names of GB/T 3304, the short form ({@code 汉}) completed with
     * 族; null when it is none of them. Verification compares claims the same way the merge stores values.
     */
    public static @Nullable String ethnicity(String v) {
        return ETHNICITIES.contains(v) ? v : ETHNICITIES.contains(v + "族") ? v + "族" : null;
    }

    public static String number(BigDecimal n) {
        return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
    }

    /** The fields of a base, for callers that need them as a list of columns. */
    static List<String> columns(Base base) {
        return base.fields().stream().map(BaseField::column).toList();
    }
}
