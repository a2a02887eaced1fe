package org.zhengtong.exchange.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengtong.exchange.BatchResult;
import org.zhengtong.exchange.DeliveredPage;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.exchange.NewSubscription;
import org.zhengtong.exchange.Subscription;
import org.zhengtong.exchange.Subscriptions;

/**
 * The exchange hub's API for department systems: datasets, publishing batches, subscriptions, pulling signed pages
 * of records and acknowledging them. A dataset's code is its catalog code, whose slash makes it two path segments.
 */
@RestController
@RequestMapping("/api/v1/exchange")
@Tag(name = "exchange", description = "数据共享交换 data sharing and exchange")
class ExchangeApiController {

    static final String SIGNATURE = "X-ZT-Signature";

    private final ExchangeHub hub;
    private final Subscriptions subscriptions;

    ExchangeApiController(ExchangeHub hub, Subscriptions subscriptions) {
        this.hub = hub;
        this.subscriptions = subscriptions;
    }

    @GetMapping("/datasets")
    @PreAuthorize("hasAuthority('EXCHANGE_VIEW')")
    @Operation(summary = "The datasets the caller provides or holds a grant for, with their data items")
    List<Map<String, Object>> datasets() {
        return hub.visibleDatasets().stream().map(DatasetView::of).toList();
    }

    @PostMapping("/datasets/{classification}/{sequence}/batches")
    @PreAuthorize("hasAuthority('EXCHANGE_PUBLISH')")
    @Operation(summary = "Publish a batch: CSV (text/csv; charset=UTF-8 or GB18030), JSON Lines (application/x-ndjson) or XML",
            description = "The body is streamed to disk before it is processed. X-ZT-Signature carries the node's base64 SM3withSM2 "
                    + "signature of the exact body; Idempotency-Key makes a retry return the first answer.")
    ResponseEntity<BatchResult> publish(@PathVariable String classification, @PathVariable String sequence, HttpServletRequest request,
            @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String contentType,
            @RequestHeader(name = SIGNATURE, required = false) @Nullable String signature,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) throws IOException {
        BatchResult result = hub.publish(classification + "/" + sequence, request.getInputStream(), contentType, signature, idempotencyKey);
        return ResponseEntity.status(result.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
    }

    @GetMapping("/datasets/{classification}/{sequence}/batches")
    @PreAuthorize("hasAuthority('EXCHANGE_VIEW')")
    @Operation(summary = "Recent batches of a dataset the caller provides (any dataset for those who oversee the hub)")
    List<BatchResult> batches(@PathVariable String classification, @PathVariable String sequence) {
        return hub.batches(classification + "/" + sequence, 100);
    }

    @GetMapping("/batches/{id}")
    @PreAuthorize("hasAuthority('EXCHANGE_VIEW')")
    @Operation(summary = "One batch and its counts")
    BatchResult batch(@PathVariable long id) {
        return hub.batch(id);
    }

    @GetMapping("/hub-key")
    @PreAuthorize("hasAuthority('EXCHANGE_VIEW')")
    @Operation(summary = "The hub's SM2 public key (PEM), to check the signature of every delivered page")
    ResponseEntity<String> hubKey() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(hub.hubPublicKey());
    }

    @PutMapping("/node-key")
    @PreAuthorize("hasAuthority('EXCHANGE_PUBLISH')")
    @Operation(summary = "Register the caller's department node SM2 public key (PEM) for signed batches")
    ResponseEntity<Void> nodeKey(@RequestBody String pem) {
        hub.registerNodeKey(pem);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/subscriptions")
    @PreAuthorize("hasAuthority('EXCHANGE_SUBSCRIBE')")
    @Operation(summary = "The caller's active subscriptions")
    List<Subscription> subscriptions() {
        return subscriptions.visible();
    }

    @PostMapping("/subscriptions")
    @PreAuthorize("hasAuthority('EXCHANGE_SUBSCRIBE')")
    @Operation(summary = "Subscribe to a dataset the caller's department holds a grant for")
    ResponseEntity<Subscription> subscribe(@RequestBody NewSubscription request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(subscriptions.subscribe(request));
    }

    @DeleteMapping("/subscriptions/{id}")
    @PreAuthorize("hasAuthority('EXCHANGE_SUBSCRIBE')")
    @Operation(summary = "Cancel a subscription")
    ResponseEntity<Void> cancel(@PathVariable long id) {
        subscriptions.cancel(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/subscriptions/{id}/records")
    @PreAuthorize("hasAuthority('EXCHANGE_SUBSCRIBE')")
    @Operation(summary = "The next page of records after a cursor (default: the acknowledged one), signed by the hub",
            description = "The response's X-ZT-Signature header is the hub's base64 SM3withSM2 signature of the exact body.")
    ResponseEntity<byte[]> records(@PathVariable long id, @RequestParam(required = false) @Nullable Long after,
            @RequestParam(defaultValue = "1000") int limit) {
        DeliveredPage page = subscriptions.pull(id, after, limit);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(SIGNATURE, page.signature())
                .header("X-ZT-Signature-Algorithm", "SM3withSM2").body(page.body());
    }

    @PostMapping("/subscriptions/{id}/ack")
    @PreAuthorize("hasAuthority('EXCHANGE_SUBSCRIBE')")
    @Operation(summary = "Acknowledge everything up to a cursor (the page's next)")
    Subscription acknowledge(@PathVariable long id, @RequestParam long cursor) {
        return subscriptions.acknowledge(id, cursor);
    }
}
