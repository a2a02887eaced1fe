package org.zhengtong.basedata.web;

import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.BaseDataProblem;
import org.zhengtong.basedata.BaseField;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.exchange.Dataset;
import org.zhengtong.exchange.ExchangeHub;

/** Names the steward's pages show for codes: departments, datasets, bases and fields, in the page's language. */
final class StewardPages {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private StewardPages() {}

    static String department(DirectoryManagement directory, @Nullable String code) {
        return code == null ? "" : directory.findOrgUnit(code).map(OrgUnit::name).orElse(code);
    }

    static String dataset(ExchangeHub hub, @Nullable String code) {
        return code == null ? "" : hub.findDataset(code).map(Dataset::name).orElse(code);
    }

    static boolean english(Locale locale) {
        return locale.getLanguage().equals("en");
    }

    static String base(Base base, Locale locale) {
        return english(locale) ? base.english() : base.label();
    }

    static String field(BaseField field, Locale locale) {
        return english(locale) ? field.english() : field.label();
    }

    /** A base named in a request, or null when none is; a name that is no base is refused. */
    static @Nullable Base base(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return Base.valueOf(name.strip());
        } catch (IllegalArgumentException e) {
            throw BaseDataProblem.unknownBase(name);
        }
    }
}
