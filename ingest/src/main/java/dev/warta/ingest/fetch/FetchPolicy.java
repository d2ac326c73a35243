package dev.warta.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which addresses page and feed fetches may connect to. By default only public unicast addresses: a host that
 * resolves to a loopback, link-local, private (RFC 1918, shared 100.64/10), unique-local, multicast, unspecified,
 * documentation or otherwise reserved address is refused, so a feed item cannot make ingest fetch the metrics page,
 * the registry or a cloud metadata service (server-side request forgery). IPv6 forms that embed an IPv4 address
 * (mapped, compatible, NAT64, 6to4) are judged by that address. Internal sources are allowed explicitly, by CIDR
 * ({@code 10.1.0.0/16}, {@code fd00::/8}), address or host name ({@code intranet.example}, {@code *.corp.example}).
 *
 * <p>{@link #resolve} is the only name resolution of {@link HttpPageFetcher}: the addresses it checked are the ones
 * the connection uses, so a DNS answer that changes between check and connect (rebinding) cannot swap them, and
 * every redirect hop goes through the same check.
 *
 * <pre>{@code
 * FetchPolicy policy = FetchPolicy.publicOnly().allowing(List.of("10.20.0.0/16", "wiki.corp.example"));
 * }</pre>
 * Immutable and thread-safe.
 */
public final class FetchPolicy {
    /** Resolves a host name to its addresses (injectable for tests). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** A fetch the policy refuses; an {@link UnknownHostException} so that HTTP clients pass it through unchanged. */
    public static final class RefusedException extends UnknownHostException {
        private final String category;

        RefusedException(String host, InetAddress address, String category) {
            super("refused to fetch " + host + " (" + address.getHostAddress() + " is " + category
                    + "); allow internal sources with --allow-fetch");
            this.category = category;
        }

        /** What the address is: {@code loopback}, {@code private}, {@code link-local}, ... */
        public String category() {
            return category;
        }
    }

    private final List<Cidr> allowedNets;
    private final List<String> allowedHosts;
    private final Resolver resolver;

    private FetchPolicy(List<Cidr> nets, List<String> hosts, Resolver resolver) {
        this.allowedNets = List.copyOf(nets);
        this.allowedHosts = List.copyOf(hosts);
        this.resolver = resolver;
    }

    /** Public addresses only, resolved by the system resolver (the default). */
    public static FetchPolicy publicOnly() {
        return new FetchPolicy(List.of(), List.of(), InetAddress::getAllByName);
    }

    /**
     * A copy that also allows each entry: a CIDR ({@code 10.0.0.0/8}), an address ({@code 127.0.0.1}), a host name
     * ({@code wiki.corp.example}) or a domain wildcard ({@code *.corp.example}).
     *
     * @throws IllegalArgumentException for an entry that is none of these
     */
    public FetchPolicy allowing(List<String> entries) {
        List<Cidr> nets = new ArrayList<>(allowedNets);
        List<String> hosts = new ArrayList<>(allowedHosts);
        for (String raw : entries) {
            String e = raw.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            Cidr cidr = Cidr.parse(e);
            if (cidr != null) {
                nets.add(cidr);
            } else if (e.matches("(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.?")) {
                hosts.add(e.endsWith(".") ? e.substring(0, e.length() - 1) : e);
            } else {
                throw new IllegalArgumentException("--allow-fetch: not a CIDR, address or host name: " + raw);
            }
        }
        return new FetchPolicy(nets, hosts, resolver);
    }

    /** A copy resolving names with {@code r} (tests). */
    public FetchPolicy withResolver(Resolver r) {
        return new FetchPolicy(allowedNets, allowedHosts, r);
    }

    /**
     * Resolves {@code host} once and returns its addresses when every one of them may be fetched.
     *
     * @throws RefusedException     when one of them is internal and not allowed
     * @throws UnknownHostException when the name does not resolve
     */
    public InetAddress[] resolve(String host) throws UnknownHostException {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        InetAddress[] addresses = resolver.resolve(h);
        if (hostAllowed(h)) {
            return addresses;
        }
        for (InetAddress a : addresses) {
            String category = category(a);
            if (category != null && !netAllowed(a)) {
                throw new RefusedException(host, a, category);
            }
        }
        return addresses;
    }

    private boolean hostAllowed(String host) {
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        for (String allowed : allowedHosts) {
            if (allowed.startsWith("*.") ? h.endsWith(allowed.substring(1)) : h.equals(allowed)) {
                return true;
            }
        }
        return false;
    }

    private boolean netAllowed(InetAddress a) {
        for (Cidr c : allowedNets) {
            if (c.contains(a.getAddress())) {
                return true;
            }
        }
        return false;
    }

    /** Null for a public unicast address, else what it is ({@code loopback}, {@code private}, ...). */
    public static String category(InetAddress address) {
        byte[] b = address.getAddress();
        return b.length == 4 ? category4(b) : category6(b);
    }

    private static String category4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        if (a0 == 0) {
            return "unspecified";
        }
        if (a0 == 127) {
            return "loopback";
        }
        if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168 || a0 == 100 && (a1 & 0xc0) == 64) {
            return "private";
        }
        if (a0 == 169 && a1 == 254) {
            return "link-local";
        }
        if (a0 >= 224 && a0 <= 239) {
            return "multicast";
        }
        if (a0 >= 240
                || a0 == 192 && a1 == 0 && (b[2] == 0 || b[2] == 2)
                || a0 == 198 && (a1 & 0xfe) == 18
                || a0 == 198 && a1 == 51 && (b[2] & 0xff) == 100
                || a0 == 203 && a1 == 0 && (b[2] & 0xff) == 113) {
            return "reserved";
        }
        return null;
    }

    private static String category6(byte[] b) {
        boolean zero10 = true;
        for (int i = 0; i < 10; i++) {
            zero10 &= b[i] == 0;
        }
        if (zero10 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) { // ::ffff:a.b.c.d
            return category4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (zero10 && b[10] == 0 && b[11] == 0) { // ::, ::1 and the deprecated ::a.b.c.d
            if (b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1)) {
                return b[15] == 0 ? "unspecified" : "loopback";
            }
            return category4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        int w0 = (b[0] & 0xff) << 8 | b[1] & 0xff;
        if (w0 == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) { // NAT64 64:ff9b::a.b.c.d
            return category4(new byte[] {b[12], b[13], b[14], b[15]});
        }
        if (w0 == 0x2002) { // 6to4 2002:AABB:CCDD::
            return category4(new byte[] {b[2], b[3], b[4], b[5]});
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return "unique-local";
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return "link-local";
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return "private"; // deprecated site-local fec0::/10
        }
        if ((b[0] & 0xff) == 0xff) {
            return "multicast";
        }
        if (w0 == 0x2001 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8
                || w0 == 0x0100
                || w0 < 0x2000
                || w0 > 0x3fff) {
            return "reserved"; // documentation, discard, and everything outside global unicast 2000::/3
        }
        return null;
    }

    /** An address range. */
    private record Cidr(byte[] prefix, int bits) {
        static Cidr parse(String s) {
            int slash = s.indexOf('/');
            String addr = slash < 0 ? s : s.substring(0, slash);
            if (!addr.matches("[0-9.]+") && !addr.matches("[0-9a-f:.]*:[0-9a-f:.]*")) {
                return null;
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(addr).getAddress(); // a literal: no name lookup
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("--allow-fetch: bad address " + s);
            }
            int bits = bytes.length * 8;
            if (slash >= 0) {
                try {
                    bits = Integer.parseInt(s.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--allow-fetch: bad prefix length in " + s);
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    throw new IllegalArgumentException("--allow-fetch: bad prefix length in " + s);
                }
            }
            return new Cidr(bytes, bits);
        }

        boolean contains(byte[] a) {
            if (a.length != prefix.length) {
                return false;
            }
            int full = bits / 8;
            for (int i = 0; i < full; i++) {
                if (a[i] != prefix[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (a[full] & mask) == (prefix[full] & mask);
        }
    }
}
