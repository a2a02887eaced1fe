package org.zhengtong.basedata;

/**
 * The legal-person base database's fields (法人基础信息), after the key {@code credit_code}. Which department is
 * authoritative for each is data, not code: see {@link Authorities}.
 */
public enum LegalPersonField implements BaseField {

    NAME("name", "单位名称", "Name", Type.TEXT, false),
    TYPE("type", "单位类型", "Type", Type.TEXT, false),
    LEGAL_REPRESENTATIVE("legal_representative", "法定代表人", "Legal representative", Type.TEXT, false),
    REGISTERED_CAPITAL("registered_capital", "注册资本", "Registered capital (10,000 yuan)", Type.NUMBER, false),
    ESTABLISHED("established", "成立日期", "Date established", Type.DATE, false),
    ADDRESS("address", "住所", "Address", Type.TEXT, false),
    DIVISION("division", "所在区县代码", "Division code", Type.TEXT, false),
    BUSINESS_SCOPE("business_scope", "经营范围", "Business scope", Type.TEXT, false),
    STATUS("status", "登记状态", "Registration status", Type.TEXT, false),
    STATUS_DATE("status_date", "状态变更日期", "Status changed on", Type.DATE, false),
    INDUSTRY("industry", "行业代码", "Industry (GB/T 4754)", Type.TEXT, false),
    TAX_GRADE("tax_grade", "纳税信用等级", "Tax credit grade", Type.TEXT, false),
    LAST_TAX_FILING("last_tax_filing", "最近纳税申报日期", "Last tax filing", Type.DATE, false);

    /** The key's data item name in feeds and in the catalog resource. */
    public static final String KEY_LABEL = "统一社会信用代码";

    private final String column;
    private final String label;
    private final String english;
    private final Type type;
    private final boolean personal;

    LegalPersonField(String column, String label, String english, Type type, boolean personal) {
        this.column = column;
        this.label = label;
        this.english = english;
        this.type = type;
        this.personal = personal;
    }

    @Override
    public Base base() {
        return Base.LEGAL_PERSON;
    }

    @Override
    public String column() {
        return column;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String english() {
        return english;
    }

    @Override
    public Type type() {
        return type;
    }

    @Override
    public boolean personal() {
        return personal;
    }

}
