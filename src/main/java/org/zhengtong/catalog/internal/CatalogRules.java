package org.zhengtong.catalog.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.catalog.ResourceDraft;
import org.zhengtong.catalog.Vocabulary;
import org.zhengtong.shared.FieldProblem;

/**
 * What a catalog entry must satisfy before it is saved (编目规则), checked the same way for the form, the API and
 * every row of an import: the guide's required metadata, 不予共享 only with a legal basis, conditions stated for
 * conditional sharing or opening, and well-formed data items.
 */
@Component
public class CatalogRules {

    public static final Pattern CODE = Pattern.compile("[123][0-9]{8}/[0-9]{6}");
    public static final Pattern CLASSIFICATION = Pattern.compile("[123][0-9]{8}");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");
    public static final int MAX_NAME = 200;
    public static final int MAX_SUMMARY = 2000;
    public static final int MAX_TEXT = 500;

    private final CatalogStore store;

    CatalogRules(CatalogStore store) {
        this.store = store;
    }

    public List<FieldProblem> check(ResourceDraft d) {
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(d.classification()) || !CLASSIFICATION.matcher(d.classification()).matches()) {
            problems.add(new FieldProblem("classification", "catalog.field.classification.format", String.valueOf(d.classification())));
        } else if (!store.classificationExists(d.classification())) {
            problems.add(new FieldProblem("classification", "catalog.field.classification.unknown", d.classification()));
        }
        text(problems, "name", d.name(), true, MAX_NAME);
        text(problems, "summary", d.summary(), true, MAX_SUMMARY);
        required(problems, "format", d.format());
        required(problems, "shareType", d.shareType());
        required(problems, "openType", d.openType());
        required(problems, "updateCycle", d.updateCycle());
        if (d.shareType() == Vocabulary.ShareType.NONE && blank(d.shareBasis())) {
            problems.add(new FieldProblem("shareBasis", "catalog.field.share-basis.required"));
        }
        if (d.shareType() == Vocabulary.ShareType.CONDITIONAL && blank(d.shareConditions())) {
            problems.add(new FieldProblem("shareConditions", "catalog.field.share-conditions.required"));
        }
        if (d.shareType() != null && d.shareType() != Vocabulary.ShareType.NONE && d.shareWays().isEmpty()) {
            problems.add(new FieldProblem("shareWays", "catalog.field.share-ways.required"));
        }
        if (d.openType() == Vocabulary.OpenType.CONDITIONAL && blank(d.openConditions())) {
            problems.add(new FieldProblem("openConditions", "catalog.field.open-conditions.required"));
        }
        text(problems, "shareConditions", d.shareConditions(), false, MAX_TEXT);
        text(problems, "shareBasis", d.shareBasis(), false, MAX_TEXT);
        text(problems, "openConditions", d.openConditions(), false, MAX_TEXT);
        for (String related : d.relatedCodes()) {
            if (!CODE.matcher(related).matches()) {
                problems.add(new FieldProblem("relatedCodes", "catalog.field.related.format", related));
            }
        }
        for (String keyword : d.keywords()) {
            text(problems, "keywords", keyword, false, 30);
        }
        text(problems, "contactName", d.contactName(), false, 50);
        if (!blank(d.contactPhone()) && !PHONE.matcher(d.contactPhone()).matches()) {
            problems.add(new FieldProblem("contactPhone", "catalog.field.phone.format", d.contactPhone()));
        }
        text(problems, "contactEmail", d.contactEmail(), false, 100);
        if (d.items().isEmpty()) {
            problems.add(new FieldProblem("items", "catalog.field.items.required"));
        }
        Set<String> names = new HashSet<>();
        int n = 0;
        for (DataItem item : d.items()) {
            n++;
            if (blank(item.name())) {
                problems.add(new FieldProblem("items", "catalog.field.item.name", n));
            } else if (!names.add(item.name())) {
                problems.add(new FieldProblem("items", "catalog.field.item.duplicate", n, item.name()));
            }
            if (item.length() != null && (item.length() <= 0 || item.length() > 100_000)) {
                problems.add(new FieldProblem("items", "catalog.field.item.length", n, item.length()));
            }
            if (item.standard() == Vocabulary.Standard.DATE && item.dataType() != Vocabulary.DataType.DATE
                    && item.dataType() != Vocabulary.DataType.DATETIME && item.dataType() != Vocabulary.DataType.STRING) {
                problems.add(new FieldProblem("items", "catalog.field.item.standard", n, item.name()));
            }
        }
        return problems;
    }

    private static void required(List<FieldProblem> problems, String field, @Nullable Object value) {
        if (value == null) {
            problems.add(new FieldProblem(field, "catalog.field.required"));
        }
    }

    private static void text(List<FieldProblem> problems, String field, @Nullable String value, boolean required, int max) {
        if (blank(value)) {
            if (required) {
                problems.add(new FieldProblem(field, "catalog.field.required"));
            }
        } else if (value.codePointCount(0, value.length()) > max) {
            problems.add(new FieldProblem(field, "catalog.field.too-long", value.codePointCount(0, value.length()), max));
        }
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
