package org.zhengtong.approval.rating.web;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.zhengtong.directory.AccessPolicy;

/**
 * The progress query is open at the URL level to everyone, signed in or not, for reading only (GET): the page and its
 * JSON twin. The privilege each handler needs is still declared on the handler (PROGRESS_QUERY, a public privilege of
 * access.yml). The referrer policy keeps the number and query code in the page's address from leaving the site.
 */
@Configuration(proxyBeanMethods = false)
class ProgressSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain publicProgress(HttpSecurity http, AccessPolicy policy) throws Exception {
        PathPatternRequestMatcher.Builder get = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(get.matcher(HttpMethod.GET, "/progress"), get.matcher(HttpMethod.GET, "/api/v1/approval/progress")))
                .anonymous(a -> a.authorities(anonymousAuthorities(policy)))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Anyone not signed in holds only the public privileges of access.yml, as on every other page. */
    static List<GrantedAuthority> anonymousAuthorities(AccessPolicy policy) {
        List<GrantedAuthority> result = new ArrayList<>();
        result.add(new SimpleGrantedAuthority("ROLE_ANONYMOUS"));
        policy.publicPrivileges().forEach(p -> result.add(new SimpleGrantedAuthority(p)));
        return result;
    }
}
