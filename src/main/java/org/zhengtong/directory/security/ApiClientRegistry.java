package org.zhengtong.directory.security;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.zhengtong.directory.ApiClient;
import org.zhengtong.directory.internal.DirectoryStore;

/**
 * Presents the directory's department systems to the authorization server. Only enabled clients exist for
 * it; each may use the client-credentials grant alone, and its tokens live half an hour.
 */
@Component
class ApiClientRegistry implements RegisteredClientRepository {

    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

    private final DirectoryStore store;

    ApiClientRegistry(DirectoryStore store) {
        this.store = store;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        throw new UnsupportedOperationException("API clients are managed in the directory");
    }

    @Override
    public @Nullable RegisteredClient findById(String id) {
        return findByClientId(id);
    }

    @Override
    public @Nullable RegisteredClient findByClientId(String clientId) {
        ApiClient client = store.apiClient(clientId).filter(ApiClient::enabled).orElse(null);
        if (client == null) {
            return null;
        }
        String secret = store.clientSecretHash(clientId).orElseThrow();
        return RegisteredClient.withId(client.clientId())
                .clientId(client.clientId())
                .clientName(client.name())
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(TOKEN_LIFETIME).build())
                .build();
    }
}
