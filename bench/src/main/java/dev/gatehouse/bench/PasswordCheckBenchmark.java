package dev.gatehouse.bench;

import dev.gatehouse.adapter.vertx.driven.hashing.PasswordHashing;
import dev.gatehouse.domain.Password;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/** One password check with the default hash parameters: what every login costs, on purpose. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PasswordCheckBenchmark {

    private static final String PASSWORD = "correct horse battery staple";

    private PasswordHashing hashing;
    private String storedHash;

    @Setup
    public void setUp() {
        hashing = new PasswordHashing(PasswordHashing.DEFAULT_ITERATIONS);
        storedHash = hashing.hash(Password.of(PASSWORD));
    }

    @Benchmark
    public boolean passwordCheck() {
        return hashing.verify(storedHash, Password.of(PASSWORD));
    }
}
