package dev.warta.app.fault;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The adversarial client of {@link HttpFloodIT}, run as its own process (its sockets must not eat the test JVM's
 * file descriptors, which the broker needs): fires {@code n} {@code POST /articles} requests at once, waits for
 * every answer and prints one line per request: {@code index TAB status TAB body} ({@code -1} and the error for a
 * connection that ended without a status).
 *
 * <pre>{@code java -cp <test classpath> dev.warta.app.fault.HttpFloodClient http://127.0.0.1:PORT/articles 10000}</pre>
 */
public final class HttpFloodClient {
    private HttpFloodClient() {}

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int n = Integer.parseInt(args[1]);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(60))
                .executor(pool)
                .build();
        List<CompletableFuture<String>> calls = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String json =
                    "{\"url\":\"https://banjir.example/berita/" + i + "\",\"title\":\"Banjir rob di pesisir, laporan "
                            + i
                            + "\",\"text\":\"Warga di pesisir utara mengungsi setelah air laut naik ke permukiman. Laporan nomor "
                            + i + " dari posko.\"}";
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(180))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
            int index = i;
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .handle((r, e) -> {
                        if (e == null) {
                            return index + "\t" + r.statusCode() + "\t"
                                    + r.body().replace('\n', ' ');
                        }
                        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                        return index + "\t-1\t" + cause.getClass().getName() + ": " + cause.getMessage();
                    }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
            for (CompletableFuture<String> call : calls) {
                out.write(call.join());
                out.newLine();
            }
        } catch (IOException e) {
            System.exit(3);
        }
        System.exit(0);
    }
}
