package org.zhengtong.approval.items;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The base-database values an item may name: to pre-fill an application form field ({@link FormField#prefill()}), or
 * to replace a material the platform already knows ({@link Material#baseField()}). {@code person.*} come from the
 * population base database (人口基础库) by the applicant's ID number, {@code legal.*} from the legal-person base
 * database (法人基础库) by the enterprise's credit code.
 */
public final class DataSources {

    private DataSources() {}

    /** Each source and its Chinese name. */
    public static final Map<String, String> ALL = new LinkedHashMap<>();

    static {
        ALL.put("person.idNumber", "公民身份号码");
        ALL.put("person.name", "姓名");
        ALL.put("person.gender", "性别");
        ALL.put("person.birthDate", "出生日期");
        ALL.put("person.address", "现住址");
        ALL.put("person.householdAddress", "户籍地址");
        ALL.put("person.household", "户口登记信息（户口簿）");
        ALL.put("person.maritalStatus", "婚姻状况");
        ALL.put("person.education", "学历");
        ALL.put("person.socialInsurance", "社会保险状态");
        ALL.put("person.phone", "联系电话");
        ALL.put("legal.creditCode", "统一社会信用代码");
        ALL.put("legal.name", "单位名称");
        ALL.put("legal.type", "单位类型");
        ALL.put("legal.legalRepresentative", "法定代表人");
        ALL.put("legal.registeredCapital", "注册资本");
        ALL.put("legal.established", "成立日期");
        ALL.put("legal.address", "住所");
        ALL.put("legal.businessScope", "经营范围");
        ALL.put("legal.status", "登记状态");
    }

    public static boolean known(String source) {
        return ALL.containsKey(source);
    }
}
