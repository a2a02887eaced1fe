package org.zhengtong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Signs in the way people and department systems really do, for tests that act as them. */
public final class Logins {

    public static final String DEMO_PASSWORD = "Zhengtong@2026";

    private Logins() {}

    /** Signs a demo person in through the login form and returns their session. */
    public static MockHttpSession session(MockMvc mvc, String username) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(DEMO_PASSWORD)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("login of " + username).doesNotContain("error");
        return (MockHttpSession) result.getRequest().getSession();
    }

    /** Obtains an access token for a department system with the client-credentials grant. */
    public static String token(MockMvc mvc, String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        MvcResult result = mvc.perform(MockMvcRequestBuilders.post("/oauth2/token")
                        .header("Authorization", "Basic " + basic)
                        .param("grant_type", "client_credentials"))
                .andReturn();
        assertThat(result.getResponse().getStatus()).as("token for " + clientId).isEqualTo(200);
        return JsonPath.read(result.getResponse().getContentAsString(), "$.access_token");
    }
}
