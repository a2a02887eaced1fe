package org.zhengtong.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * The controlled vocabulary of the cataloguing guide (编目规范词表). Each value carries the guide's own Chinese
 * term, which is what departments write in their catalog spreadsheets; pages show the term in the reader's
 * language from the message bundles ({@code catalog.<Type>.<VALUE>}).
 */
public final class Vocabulary {

    private Vocabulary() {}

    /** A value of the vocabulary with its standard Chinese term. */
    public interface Term {
        String term();

        String name();
    }

    /** Finds a value by its constant name or its Chinese term, as found in a form or a spreadsheet. */
    public static <E extends Enum<E> & Term> Optional<E> parse(Class<E> type, String text) {
        String t = text.strip();
        return Arrays.stream(type.getEnumConstants())
                .filter(e -> e.term().equals(t) || e.name().equalsIgnoreCase(t))
                .findFirst();
    }

    /** 共享类型. Sharing is the rule: 不予共享 needs a legal basis, 有条件共享 states its conditions. */
    public enum ShareType implements Term {
        UNCONDITIONAL("无条件共享"), CONDITIONAL("有条件共享"), NONE("不予共享");

        private final String term;

        ShareType(String term) {
            this.term = term;
        }

        @Override
        public String term() {
            return term;
        }
    }

    /** 开放类型. */
    public enum OpenType implements Term {
        OPEN("开放"), CONDITIONAL("有条件开放"), NONE("不予开放");

        private final String term;

        OpenType(String term) {
            this.term = term;
        }

        @Override
        public String term() {
            return term;
        }
    }

    /** 共享方式. */
    public enum ShareWay implements Term {
        API("接口"), TABLE("库表"), FILE("文件");

        private final String term;

        ShareWay(String term) {
            this.term = term;
        }

        @Override
        public String term() {
            return term;
        }
    }

    /** 信息资源格式. */
    public enum Format implements Term {
        ELECTRONIC_FILE("电子文件"), SPREADSHEET("电子表格"), DATABASE("数据库"), IMAGE("图形图像"),
        STREAMING("流媒体"), SELF_DESCRIBING("自描述格式"), SERVICE("服务接口");

        private final String term;

        Format(String term) {
            this.term = term;
        }

        @Override
        public String term() {
            return term;
        }
    }

    /** 更新周期. */
    public enum UpdateCycle implements Term {
        REAL_TIME("实时"), DAILY("每日"), WEEKLY("每周"), MONTHLY("每月"), QUARTERLY("每季度"),
        HALF_YEARLY("每半年"), YEARLY("每年"), IRREGULAR("不定期");

        private final String term;

        UpdateCycle(String term) {
            this.term = term;
        }

        @Override
        public String term() {
            return term;
        }
    }

    /** 数据类型 of a data item. */
    public enum DataType implements Term {
        STRING("字符型"), NUMBER("数值型"), DATE("日期型"), DATETIME("日期时间型"), BOOLEAN("布尔型"), BINARY("二进制");

        private final String term;

        DataType(String term) {
            this.term = term;
        }

        @Override
        public String term() {
            return term;
        }
    }

    /** The national standard a data item's values must satisfy, checked wherever values are exchanged. */
    public enum Standard implements Term {
        ID_NUMBER("公民身份号码"), CREDIT_CODE("统一社会信用代码"), DIVISION_CODE("行政区划代码"), DATE("日期");

        private final String term;

        Standard(String term) {
            this.term = term;
        }

        @Override
        public String term() {
            return term;
        }
    }

    /** The three catalogs of the guide: 基础 (1), 主题 (2), 部门 (3), the first digit of every code. */
    public enum Category implements Term {
        BASE("基础", '1'), THEME("主题", '2'), DEPARTMENT("部门", '3');

        private final String term;
        private final char digit;

        Category(String term, char digit) {
            this.term = term;
            this.digit = digit;
        }

        @Override
        public String term() {
            return term;
        }

        public static Category of(String classificationOrCode) {
            char first = classificationOrCode.charAt(0);
            return Arrays.stream(values()).filter(c -> c.digit == first).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(classificationOrCode));
        }
    }
}
