package org.zhengtong.approval.items;

/** Where the item can be applied for in person (办理窗口): the address, office hours and a phone number. */
public record Window(String address, String hours, String phone) {}
