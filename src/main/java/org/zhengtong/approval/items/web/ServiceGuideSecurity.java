package org.zhengtong.approval.items.web;

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
 * The public guides are open at the URL level to everyone, signed in or not, for reading only (GET): the guide
 * pages, their form downloads and the published-items API. Which privilege each handler needs is still declared on
 * the handler (GUIDE_READ, a public privilege of access.yml), as everywhere else; a person signed in keeps their
 * session here, so the header still shows them.
 */
@Configuration(proxyBeanMethods = false)
class ServiceGuideSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain publicGuides(HttpSecurity http, AccessPolicy policy) throws Exception {
        PathPatternRequestMatcher.Builder get = PathPatternRequestMatcher.withDefaults();
        http.securityMatcher(new OrRequestMatcher(get.matcher(HttpMethod.GET, "/guide"), get.matcher(HttpMethod.GET, "/guide/**"),
                        get.matcher(HttpMethod.GET, "/api/v1/approval/items"), get.matcher(HttpMethod.GET, "/api/v1/approval/items/**")))
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
    static java.util.List<GrantedAuthority> anonymousAuthorities(AccessPolicy policy) {
        java.util.List<GrantedAuthority> result = new java.util.ArrayList<>();
        result.add(new SimpleGrantedAuthority("ROLE_ANONYMOUS"));
        policy.publicPrivileges().forEach(p -> result.add(new SimpleGrantedAuthority(p)));
        return result;
    }
}
