/**
 * One-stop online approval (一网通办): service items (政务服务事项) and their public guides (办事指南), cases applied
 * for online (外网受理), handled inside (内网办理) on BPMN 2.0 processes run by Flowable — one department, a lead
 * department with departments reviewing in parallel (并联审批), or a sequence — and answered online (外网反馈).
 *
 * <p>Every case runs against the statutory clock (法定时限): working days from the shared calendar, a legal and a
 * promised limit, step limits, and pauses for 补正 and special procedures. Electronic supervision (电子监察) watches
 * every running case's clock; an approved case issues an electronic licence (电子证照) through the licence module;
 * the applicant follows progress by case number and rates the service (好差评).
 *
 * <p>Flowable's tables live in this module's schema, created by a Flyway migration that runs Flowable's own schema
 * manager, so that the schema is versioned like every other and the engine itself never changes it.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "directory", "catalog", "basedata", "licence", "exchange :: bench"})
@NullMarked
package org.zhengtong.approval;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
