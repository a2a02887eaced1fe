package org.zhengtong.directory.security;

import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.directory.AccessPolicy;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.Problems;

/**
 * How people and department systems are let in.
 *
 * <ol>
 *   <li>The OAuth2 authorization server ({@code /oauth2/token} and friends): department systems exchange their
 *       client id and secret for a short-lived signed access token (client credentials).</li>
 *   <li>The API ({@code /api/**}) and machine endpoints ({@code /actuator/**}) accept only such bearer tokens and
 *       answer every refusal with problem+json.</li>
 *   <li>Pages use form sign-in with a session that times out, CSRF protection, and the account lockout. Staff and
 *       applicants (申请人) sign in on the same page ({@link SignInAccounts}); an applicant registers on
 *       {@code /register}, which like {@code /login} is open to anyone.</li>
 * </ol>
 *
 * In every chain a request must be signed in; which privilege a handler needs is declared on the handler and
 * enforced by method security, and {@link PrivilegeGuard} refuses any handler that declares none.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        Argon2PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
        return new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2, "bcrypt", new BCryptPasswordEncoder()));
    }

    /**
     * Spring Security would wrap each of its filters, and each authentication and authorization, in a Micrometer
     * observation on every request: a tenth of an API call's CPU for timings nobody reads. Requests stay measured as
     * a whole ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http, ApiClientRegistry clients, Problems problems, AuditLog audit)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        OAuth2ErrorAuthenticationFailureHandler oauthError = new OAuth2ErrorAuthenticationFailureHandler();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as.registeredClientRepository(clients)
                        .authorizationService(new UnstoredAuthorizations())
                        .clientAuthentication(c -> c.errorResponseHandler((req, res, ex) -> {
                            String client = req.getUserPrincipal() != null ? req.getUserPrincipal().getName() : clientIdOf(req);
                            audit.recordFailure(Actor.current().withUsername(client), "directory.client.token",
                                    "client:" + client, AuditLog.Outcome.FAILURE, String.valueOf(ex.getMessage()));
                            oauthError.onAuthenticationFailure(req, res, ex);
                        })))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .csrf(c -> c.ignoringRequestMatchers(server.getEndpointsMatcher()))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) ->
                        problems.write(req, res, HttpStatus.UNAUTHORIZED, "unauthenticated", "problem.unauthenticated")));
        return http.build();
    }

    /**
     * Open data for the public: reachable without signing in at the URL level, and opened by the public
     * privilege named on each handler, like every other endpoint.
     */
    static final String[] OPEN_DATA = {"/api/3/**", "/catalog.jsonld"};

    /** Public pages, opened by a public privilege on each handler: the electronic licences' verification page and QR code. */
    static final String[] PUBLIC_PAGES = {"/licences/verify", "/licences/verify/*", "/licences/*/qr.png"};

    /** Anyone not signed in holds only the public privileges of access.yml. */
    static java.util.List<org.springframework.security.core.GrantedAuthority> anonymousAuthorities(AccessPolicy policy) {
        java.util.List<org.springframework.security.core.GrantedAuthority> result = new java.util.ArrayList<>();
        result.add(new org.springframework.security.core.authority.SimpleGrantedAuthority("ROLE_ANONYMOUS"));
        policy.publicPrivileges().forEach(p -> result.add(new org.springframework.security.core.authority.SimpleGrantedAuthority(p)));
        return result;
    }

    /** The client id of a token request, from Basic authentication or the form, for the audit record of a failure. */
    static String clientIdOf(jakarta.servlet.http.HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(java.util.Base64.getDecoder().decode(header.substring(6).trim()),
                        java.nio.charset.StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return java.net.URLDecoder.decode(colon < 0 ? decoded : decoded.substring(0, colon), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return "unreadable";
            }
        }
        String form = request.getParameter("client_id");
        return form == null ? "unknown" : form;
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, ClientAuthorities clientAuthorities, Problems problems, AccessDenials denials,
            AccessPolicy policy) throws Exception {
        http.securityMatcher("/api/**", "/actuator/**")
                .anonymous(a -> a.authorities(anonymousAuthorities(policy)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers(OPEN_DATA).permitAll()
                        .requestMatchers("/actuator/prometheus").hasAuthority("METRICS_VIEW")
                        .requestMatchers("/actuator/**").denyAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(clientAuthorities))
                        .authenticationEntryPoint((req, res, ex) ->
                                problems.write(req, res, HttpStatus.UNAUTHORIZED, "unauthenticated", "problem.unauthenticated"))
                        .accessDeniedHandler(denials::api))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) ->
                                problems.write(req, res, HttpStatus.UNAUTHORIZED, "unauthenticated", "problem.unauthenticated"))
                        .accessDeniedHandler(denials::api))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable());
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pages(HttpSecurity http, LoginOutcomes outcomes, AccessDenials denials, AccessPolicy policy) throws Exception {
        http.anonymous(a -> a.authorities(anonymousAuthorities(policy)))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/register", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers(OPEN_DATA).permitAll()
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**").hasAuthority("API_DOCS_VIEW")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(outcomes).failureHandler(outcomes))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .exceptionHandling(e -> e.accessDeniedHandler(denials::page))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "frame-ancestors 'none'; form-action 'self'; base-uri 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
