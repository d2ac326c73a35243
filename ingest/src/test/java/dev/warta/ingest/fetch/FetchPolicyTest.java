package dev.warta.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class FetchPolicyTest {
    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void shouldClassifyEveryInternalRangeAndLeavePublicAddressesAlone() throws Exception {
        String[][] cases = {
            {"127.0.0.1", "loopback"},
            {"127.255.0.9", "loopback"},
            {"::1", "loopback"},
            {"10.1.2.3", "private"},
            {"172.16.0.1", "private"},
            {"172.31.255.255", "private"},
            {"192.168.1.1", "private"},
            {"100.64.0.1", "private"},
            {"169.254.169.254", "link-local"},
            {"fe80::1", "link-local"},
            {"fd12:3456::1", "unique-local"},
            {"fc00::1", "unique-local"},
            {"224.0.0.1", "multicast"},
            {"ff02::1", "multicast"},
            {"0.0.0.0", "unspecified"},
            {"::", "unspecified"},
            {"255.255.255.255", "reserved"},
            {"2001:db8::1", "reserved"},
            {"::ffff:127.0.0.1", "loopback"},
            {"64:ff9b::a9fe:a9fe", "link-local"},
            {"2002:7f00:1::1", "loopback"},
            {"::10.0.0.1", "private"},
        };
        for (String[] c : cases) {
            assertThat(FetchPolicy.category(ip(c[0]))).as(c[0]).isEqualTo(c[1]);
        }
        for (String pub :
                List.of("8.8.8.8", "172.32.0.1", "100.128.0.1", "93.184.216.34", "2606:4700::1111", "2a00:1450::1")) {
            assertThat(FetchPolicy.category(ip(pub))).as(pub).isNull();
        }
    }

    @Test
    void shouldRefuseAHostThatResolvesToAnyInternalAddress() {
        FetchPolicy policy = FetchPolicy.publicOnly().withResolver(h -> new InetAddress[] {
            InetAddress.getByAddress(h, new byte[] {93, (byte) 184, (byte) 216, 34}),
            InetAddress.getByAddress(h, new byte[] {127, 0, 0, 1})
        });
        assertThatThrownBy(() -> policy.resolve("mixed.example"))
                .isInstanceOfSatisfying(FetchPolicy.RefusedException.class, e -> {
                    assertThat(e.category()).isEqualTo("loopback");
                    assertThat(e.getMessage()).contains("mixed.example", "127.0.0.1", "--allow-fetch");
                });
    }

    @Test
    void shouldAllowListedNetworksAddressesAndHostsOnly() throws Exception {
        FetchPolicy policy =
                FetchPolicy.publicOnly().allowing(List.of("10.20.0.0/16", "127.0.0.1", "*.corp.example", "wiki.local"));
        FetchPolicy.Resolver fixed = h -> new InetAddress[] {
            InetAddress.getByAddress(
                    h,
                    switch (h) {
                        case "a.example" -> new byte[] {10, 20, 5, 5};
                        case "b.example" -> new byte[] {10, 21, 5, 5};
                        default -> new byte[] {(byte) 192, (byte) 168, 0, 7};
                    })
        };
        FetchPolicy p = policy.withResolver(fixed);
        assertThat(p.resolve("a.example")[0].getHostAddress()).isEqualTo("10.20.5.5");
        assertThatThrownBy(() -> p.resolve("b.example")).isInstanceOf(FetchPolicy.RefusedException.class);
        assertThat(p.resolve("intranet.corp.example")).hasSize(1);
        assertThat(p.resolve("wiki.local")).hasSize(1);
        assertThatThrownBy(() -> p.resolve("corp.example.evil")).isInstanceOf(FetchPolicy.RefusedException.class);
        assertThat(policy.resolve("127.0.0.1")).hasSize(1);
        assertThatThrownBy(() -> policy.resolve("127.0.0.2")).isInstanceOf(FetchPolicy.RefusedException.class);
        assertThatThrownBy(() -> FetchPolicy.publicOnly().resolve("[::1]"))
                .isInstanceOf(FetchPolicy.RefusedException.class);
    }

    @Test
    void shouldRejectAnAllowEntryThatIsNoNetworkNorHost() {
        assertThatThrownBy(() -> FetchPolicy.publicOnly().allowing(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prefix");
        assertThatThrownBy(() -> FetchPolicy.publicOnly().allowing(List.of("http://x/")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--allow-fetch");
    }
}
