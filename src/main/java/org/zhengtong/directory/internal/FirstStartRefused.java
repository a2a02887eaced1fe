package org.zhengtong.directory.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A first start that cannot go on until the operator supplies something: said plainly, without a stack trace. */
class FirstStartRefused extends IllegalStateException {

    private final String action;

    FirstStartRefused(String description, String action) {
        super(description);
        this.action = action;
    }

    /** Turns the refusal into Spring Boot's "APPLICATION FAILED TO START" report. */
    static class Analyzer extends AbstractFailureAnalyzer<FirstStartRefused> {
        @Override
        protected FailureAnalysis analyze(Throwable root, FirstStartRefused cause) {
            return new FailureAnalysis(cause.getMessage(), cause.action, cause);
        }
    }
}
