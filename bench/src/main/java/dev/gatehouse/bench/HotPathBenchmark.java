package dev.gatehouse.bench;

import dev.gatehouse.adapter.vertx.driven.signing.HmacSigner;
import dev.gatehouse.adapter.vertx.web.CookieSettings;
import dev.gatehouse.adapter.vertx.web.Brand;
import dev.gatehouse.adapter.vertx.web.Frame;
import dev.gatehouse.adapter.vertx.web.IndexPage;
import dev.gatehouse.adapter.vertx.web.Views;
import dev.gatehouse.adapter.vertx.web.SessionCookie;
import dev.gatehouse.adapter.vertx.driven.memory.InMemorySessionRepository;
import dev.gatehouse.application.Greet;
import dev.gatehouse.application.Greeting;
import dev.gatehouse.domain.AuditLog;
import dev.gatehouse.domain.Channel;
import dev.gatehouse.domain.Session;
import dev.gatehouse.domain.SessionId;
import dev.gatehouse.domain.SessionPolicy;
import dev.gatehouse.domain.Username;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The pieces of {@code GET /} for a logged-in user, one by one and together, so that a regression
 * can be found without the whole server: the cookie's signature check, the session lookup (in a
 * store of 100,000 sessions) and the page. It sits in the HTTP adapter's package to reach its views.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HotPathBenchmark {

    private SessionCookie cookie;
    private MultiMap requestHeaders;
    private Greet greet;
    private Optional<SessionId> sessionId;
    private Views views;
    private IndexPage page;

    @Setup
    public void setUp() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        cookie = new SessionCookie(CookieSettings.forSecureContext(true), new HmacSigner(List.of(secret)));

        Clock clock = Clock.systemUTC();
        InMemorySessionRepository store = new InMemorySessionRepository(SessionPolicy.DEFAULT, clock);
        Session admin = null;
        for (int i = 0; i < 100_000; i++) {
            Instant now = clock.instant();
            admin = Session.startAnonymous(Channel.WEB, now).loggedInAs(new Username("admin"), 1L, now);
            store.save(admin);
        }
        // Every user at version 1, answered from memory as the users file directory does.
        greet = new Greet(store, user -> CompletableFuture.completedFuture(OptionalLong.of(1)), AuditLog.NONE,
                SessionPolicy.DEFAULT, clock);
        sessionId = Optional.of(admin.id());
        requestHeaders = HttpHeaders.headers()
                .add("Host", "127.0.0.1:8080")
                .add("Cookie", cookie.name() + "=" + cookie.signedValue(admin.id()));
        views = new Views(Brand.DEFAULT);
        page = new IndexPage(new Frame("admin", admin.csrfToken().value(), null, Frame.Section.HOME), null);
    }

    @Benchmark
    public Optional<SessionId> cookieSignatureCheck() {
        return cookie.read(requestHeaders);
    }

    @Benchmark
    public Greeting sessionLookup() {
        return greet.greet(sessionId).toCompletableFuture().join();
    }

    @Benchmark
    public Buffer renderGreetingPage() {
        return views.index(page);
    }

    /** The three in a row, as {@code GET /} does them (without the HTTP parts Vert.x does for everyone). */
    @Benchmark
    public Buffer wholeGreeting() {
        Greeting greeting = greet.greet(cookie.read(requestHeaders)).toCompletableFuture().join();
        Greeting.Welcome welcome = (Greeting.Welcome) greeting;
        return views.index(new IndexPage(Frame.of(welcome.username(), welcome.session(), Frame.Section.HOME), null));
    }
}
