package org.zhengtong.approval;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhengtong.approval.clock.CaseClocks;
import org.zhengtong.approval.clock.PauseKind;

/**
 * Keeps each case's statutory clock in step with the case, in the same transaction as the step that moves it.
 *
 * <p>The clock starts on the day the case is submitted online: the window's 补正 notice pauses it (补正期间不计入
 * 办理时限) and the applicant's supplement resumes it, so the working days the applicant spends gathering papers are
 * never counted against the departments. Each department's task runs its own step clock from the day it appears.
 */
@Component
class ClockWiring {

    private final CaseClocks clocks;

    ClockWiring(CaseClocks clocks) {
        this.clocks = clocks;
    }

    @EventListener
    void on(CaseEvents.Submitted e) {
        clocks.start(e.number(), e.item().code(), e.item().name(), e.item().department(), e.on(), e.item().legalDays(),
                e.item().promisedDays());
    }

    @EventListener
    void on(CaseEvents.SupplementRequested e) {
        clocks.pause(e.number(), PauseKind.SUPPLEMENT, e.note(), e.on());
    }

    @EventListener
    void on(CaseEvents.Supplemented e) {
        clocks.resume(e.number(), e.on());
    }

    @EventListener
    void on(CaseEvents.SpecialProcedureStarted e) {
        clocks.pause(e.number(), PauseKind.valueOf(e.kind()), e.reason(), e.on());
    }

    @EventListener
    void on(CaseEvents.SpecialProcedureEnded e) {
        clocks.resume(e.number(), e.on());
    }

    @EventListener
    void on(CaseEvents.StepStarted e) {
        clocks.startStep(e.number(), e.step(), e.department(), e.limitDays(), e.on());
    }

    @EventListener
    void on(CaseEvents.StepEnded e) {
        clocks.endStep(e.number(), e.step(), e.on());
    }

    @EventListener
    void on(CaseEvents.Finished e) {
        clocks.finish(e.number(), e.on());
    }
}
