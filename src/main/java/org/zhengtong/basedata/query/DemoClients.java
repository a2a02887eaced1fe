package org.zhengtong.basedata.query;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.zhengtong.audit.AuditFilter;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.audit.AuditQueries;
import org.zhengtong.directory.ApiClient;
import org.zhengtong.directory.DirectoryManagement;

/**
 * The demo city's department systems ({@code <dept>-system}) get the base databases' API privileges once. A client
 * receives the default client privileges when it is created, so a demo city created before the base databases had an
 * API would otherwise never hold them. Done once per platform – recorded in the audit log – so a security
 * administrator who later takes a privilege away is not overruled at the next start.
 */
@Component
@Order(40)
class DemoClients implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoClients.class);
    static final List<String> PRIVILEGES = List.of("BASEDATA_LOOKUP", "BASEDATA_VERIFY");
    static final String ACTION = "basedata.demo.client-privileges";

    private final DirectoryManagement directory;
    private final AuditQueries auditQueries;
    private final AuditLog audit;
    private final Environment env;

    DemoClients(DirectoryManagement directory, AuditQueries auditQueries, AuditLog audit, Environment env) {
        this.directory = directory;
        this.auditQueries = auditQueries;
        this.audit = audit;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!env.getProperty("zt.demo", Boolean.class, false)
                || auditQueries.count(new AuditFilter(null, null, ACTION, null, null, null, null, null)) > 0) {
            return;
        }
        List<String> given = new ArrayList<>();
        for (ApiClient c : directory.apiClients()) {
            if (c.orgUnitCode() == null || !c.clientId().equals(c.orgUnitCode() + "-system") || c.privileges().containsAll(PRIVILEGES)) {
                continue;
            }
            List<String> privileges = new ArrayList<>(c.privileges());
            PRIVILEGES.stream().filter(p -> !privileges.contains(p)).forEach(privileges::add);
            directory.updateApiClient(c.clientId(), privileges, c.enabled());
            given.add(c.clientId());
        }
        audit.record(ACTION, "directory:api-clients", given.isEmpty() ? "demo department systems already hold " + PRIVILEGES
                : PRIVILEGES + " given to " + given);
        if (!given.isEmpty()) {
            log.info("Gave the demo department systems {} the base database API privileges {}.", given, PRIVILEGES);
        }
    }
}
