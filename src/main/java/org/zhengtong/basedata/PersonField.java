package org.zhengtong.basedata;

/**
 * The population base database's fields (人口基础信息), after the key {@code id_number}. Which department is
 * authoritative for each is data, not code: see {@link Authorities}.
 */
public enum PersonField implements BaseField {

    NAME("name", "姓名", "Name", Type.TEXT, false),
    GENDER("gender", "性别", "Gender", Type.TEXT, false),
    ETHNICITY("ethnicity", "民族", "Ethnicity", Type.TEXT, false),
    BIRTH_DATE("birth_date", "出生日期", "Date of birth", Type.DATE, false),
    HOUSEHOLD_ADDRESS("household_address", "户籍地址", "Household address", Type.TEXT, true),
    HOUSEHOLD_DIVISION("household_division", "户籍地行政区划代码", "Household division code", Type.TEXT, false),
    CURRENT_ADDRESS("current_address", "现住址", "Current address", Type.TEXT, true),
    MARITAL_STATUS("marital_status", "婚姻状况", "Marital status", Type.TEXT, false),
    EDUCATION("education", "学历", "Education", Type.TEXT, false),
    SOCIAL_INSURANCE("social_insurance", "社会保险状态", "Social insurance status", Type.TEXT, false),
    DEATH_DATE("death_date", "死亡日期", "Date of death", Type.DATE, false),
    PHONE("phone", "联系电话", "Phone", Type.TEXT, true);

    /** The key's data item name in feeds and in the catalog resource. */
    public static final String KEY_LABEL = "公民身份号码";

    private final String column;
    private final String label;
    private final String english;
    private final Type type;
    private final boolean personal;

    PersonField(String column, String label, String english, Type type, boolean personal) {
        this.column = column;
        this.label = label;
        this.english = english;
        this.type = type;
        this.personal = personal;
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

}
