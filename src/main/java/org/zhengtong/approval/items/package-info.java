/**
 * Service items (政务服务事项) and their public guides (办事指南): what each department offers, on which legal basis,
 * with which materials, limits, fees and windows, and the process its cases follow. {@link
 * org.zhengtong.approval.items.ServiceItems} is the facade the case engine and the applicant pages read published items
 * through; it is a named interface so that a module allowed to use approval can reach it too.
 */
@NamedInterface("items")
@NullMarked
package org.zhengtong.approval.items;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
