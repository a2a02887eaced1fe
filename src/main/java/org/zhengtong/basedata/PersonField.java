package org.zhengtong.basedata;

/**
 * The population base database's fields (人口基础信息), after the key {@code id_number}. 公安 is authoritative for
 * identity and household, 民政 for marital status and death, 人社 for social insurance, 教育 for education.
 */
public enum PersonField implements BaseField {

    NAME("name", "姓名", "Name", Type.TEXT, false, "gaj"),
    GENDER("gender", "性别", "Gender", Type.TEXT, false, "gaj"),
    ETHNICITY("ethnicity", "民族", "Ethnicity", Type.TEXT, false, "gaj"),
    BIRTH_DATE("birth_date", "出生日期", "Date of birth", Type.DATE, false, "gaj"),
    HOUSEHOLD_ADDRESS("household_address", "户籍地址", "Household address", Type.TEXT, true, "gaj"),
    HOUSEHOLD_DIVISION("household_division", "户籍地行政区划代码", "Household division code", Type.TEXT, false, "gaj"),
    CURRENT_ADDRESS("current_address", "现住址", "Current address", Type.TEXT, true, "gaj"),
    MARITAL_STATUS("marital_status", "婚姻状况", "Marital status", Type.TEXT, false, "mzj"),
    EDUCATION("education", "学历", "Education", Type.TEXT, false, "jyj"),
    SOCIAL_INSURANCE("social_insurance", "社会保险状态", "Social insurance status", Type.TEXT, false, "rsj"),
    DEATH_DATE("death_date", "死亡日期", "Date of death", Type.DATE, false, "mzj"),
    PHONE("phone", "联系电话", "Phone", Type.TEXT, true, "gaj");

    /** The key's data item name in feeds and in the catalog resource. */
    public static final String KEY_LABEL = "公民身份号码";

    private final String column;
    private final String label;
    private final String english;
    private final Type type;
    private final boolean personal;
    private final String defaultAuthority;

    PersonField(String column, String label, String english, Type type, boolean personal, String defaultAuthority) {
        this.column = column;
        this.label = label;
        this.english = english;
        this.type = type;
        this.personal = personal;
        this.defaultAuthority = defaultAuthority;
    }

    @Override
    public Base base() {
        return Base.PERSON;
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

    @Override
    public String defaultAuthority() {
        return defaultAuthority;
    }
}
