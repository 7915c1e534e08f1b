// SPDX-License-Identifier: GPL-3.0-or-later
//
// The Jira Cloud oracle: does Java 17's HttpsURLConnection (JSSE, default settings, no AIA
// fetching) accept a TLS server? See tests/oracles/README.md. Single-file source launch:
//
//   java -Djdk.net.hosts.file=HOSTS tests/oracles/JsseOracle.java < scenarios.json
//
// where HOSTS maps each scenario's host to 127.0.0.1 ("127.0.0.1 gitlab.test").
//
// Input on stdin, a JSON array:
//   [{"name": "full", "host": "gitlab.test", "port": 12345, "ca_file": "/path/trust.pem", "path": "/"}]
// Output on stdout, one JSON object per scenario and line, in input order:
//   {"name": "full", "accepted": true, "status": 200, "error": null}
//
// Each scenario trusts the certificates of ca_file only (an in-memory key store; never the JDK's
// cacerts), uses the default hostname verifier, 5 s timeouts and no proxy, and GETs path. A 400
// whose body says "No required SSL certificate was sent" (nginx asking for a client certificate)
// is a rejection: the integration cannot work. Nothing in one scenario stops the others.
// Exit status: 0 when every scenario got its line, 2 on unusable input.

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

public class JsseOracle {
    private static final int TIMEOUT_MS = 5000;
    private static final String CLIENT_CERT_REQUIRED = "No required SSL certificate was sent";

    public static void main(String[] args) throws IOException {
        // Atlassian's servers fetch no missing intermediates: keep the JDK's default (off) even if
        // the command line says otherwise. Read when the first certificate path is built.
        System.setProperty("com.sun.security.enableAIAcaIssuers", "false");

        List<Object> scenarios;
        try {
            Object input = new Json(new String(System.in.readAllBytes(), StandardCharsets.UTF_8)).parseDocument();
            if (!(input instanceof List))
                throw new IllegalArgumentException("not a JSON array");
            @SuppressWarnings("unchecked")
            List<Object> list = (List<Object>) input;
            for (Object o : list) {
                if (!(o instanceof Map))
                    throw new IllegalArgumentException("not a JSON array of objects");
            }
            scenarios = list;
        } catch (RuntimeException e) {
            System.err.println("JsseOracle.java: unusable input: " + e);
            System.exit(2);
            return;
        }

        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        for (Object o : scenarios) {
            @SuppressWarnings("unchecked")
            Map<String, Object> scenario = (Map<String, Object>) o;
            out.println(check(scenario));
        }
        out.flush();
    }

    private static String check(Map<String, Object> scenario) {
        String name = String.valueOf(scenario.get("name"));
        HttpsURLConnection connection = null;
        try {
            String host = (String) required(scenario, "host");
            int port = ((Number) required(scenario, "port")).intValue();
            String caFile = (String) required(scenario, "ca_file");
            Object pathValue = scenario.get("path");
            String path = pathValue instanceof String ? (String) pathValue : "/";

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream in = new FileInputStream(caFile)) {
                Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
                if (certificates.isEmpty())
                    throw new IOException("no certificate in " + caFile);
                int i = 0;
                for (Certificate certificate : certificates)
                    trust.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory trustManagers =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);

            connection = (HttpsURLConnection) new URL("https", host, port, path).openConnection(Proxy.NO_PROXY);
            connection.setSSLSocketFactory(context.getSocketFactory());
            connection.setConnectTimeout(TIMEOUT_MS);
            connection.setReadTimeout(TIMEOUT_MS);
            connection.setRequestMethod("GET");
            connection.setUseCaches(false);

            int status = connection.getResponseCode();
            InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            String text = "";
            if (body != null) {
                try (InputStream in = body) {
                    text = new String(readAtMost(in, 1 << 20), StandardCharsets.UTF_8);
                }
            }
            if (status == 400 && text.contains(CLIENT_CERT_REQUIRED))
                return verdict(name, false, status, "client certificate required");
            return verdict(name, true, status, null);
        } catch (Throwable e) { // one scenario never stops the others
            return verdict(name, false, null, describe(e));
        } finally {
            if (connection != null)
                connection.disconnect();
        }
    }

    // "class: message", and the root cause when the message does not already say it (JSSE wraps
    // "DH key size must be multiple of 64" in "Could not generate DH keypair").
    private static String describe(Throwable e) {
        String text = e.getClass().getName() + ": " + e.getMessage();
        Throwable root = e;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 16; ++depth)
            root = root.getCause();
        String rootMessage = root.getMessage();
        if (root != e && rootMessage != null && (e.getMessage() == null || !e.getMessage().contains(rootMessage)))
            text += " (caused by " + root.getClass().getName() + ": " + rootMessage + ")";
        return text;
    }

    private static Object required(Map<String, Object> scenario, String key) {
        Object value = scenario.get(key);
        if (value == null)
            throw new IllegalArgumentException("scenario without \"" + key + "\"");
        return value;
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while (buffer.size() < limit && (n = in.read(chunk)) > 0)
            buffer.write(chunk, 0, n);
        return buffer.toByteArray();
    }

    private static String verdict(String name, boolean accepted, Integer status, String error) {
        return "{\"name\": " + quote(name) + ", \"accepted\": " + accepted
            + ", \"status\": " + (status == null ? "null" : status.toString())
            + ", \"error\": " + (error == null ? "null" : quote(error)) + "}";
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); ++i) {
            char c = s.charAt(i);
            switch (c) {
            case '"': b.append("\\\""); break;
            case '\\': b.append("\\\\"); break;
            case '\n': b.append("\\n"); break;
            case '\r': b.append("\\r"); break;
            case '\t': b.append("\\t"); break;
            default:
                if (c < 0x20)
                    b.append(String.format("\\u%04x", (int) c));
                else
                    b.append(c);
            }
        }
        return b.append('"').toString();
    }

    // Just enough JSON for the input the tests write: objects, arrays, strings, numbers, true,
    // false, null, any whitespace between tokens. Numbers become Long or Double.
    private static final class Json {
        private final String s;
        private int i;

        Json(String s) {
            this.s = s;
        }

        Object parseDocument() {
            Object value = parseValue();
            skipWhitespace();
            if (i != s.length())
                throw error("trailing characters");
            return value;
        }

        private Object parseValue() {
            skipWhitespace();
            if (i >= s.length())
                throw error("unexpected end");
            char c = s.charAt(i);
            switch (c) {
            case '{': return parseObject();
            case '[': return parseArray();
            case '"': return parseString();
            case 't': expect("true"); return Boolean.TRUE;
            case 'f': expect("false"); return Boolean.FALSE;
            case 'n': expect("null"); return null;
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                    return parseNumber();
                throw error("unexpected '" + c + "'");
            }
        }

        private Map<String, Object> parseObject() {
            Map<String, Object> object = new LinkedHashMap<>();
            ++i; // {
            skipWhitespace();
            if (peek() == '}') {
                ++i;
                return object;
            }
            while (true) {
                skipWhitespace();
                if (peek() != '"')
                    throw error("expected a key");
                String key = parseString();
                skipWhitespace();
                if (peek() != ':')
                    throw error("expected ':'");
                ++i;
                object.put(key, parseValue());
                skipWhitespace();
                char c = peek();
                ++i;
                if (c == '}')
                    return object;
                if (c != ',')
                    throw error("expected ',' or '}'");
            }
        }

        private List<Object> parseArray() {
            List<Object> array = new ArrayList<>();
            ++i; // [
            skipWhitespace();
            if (peek() == ']') {
                ++i;
                return array;
            }
            while (true) {
                array.add(parseValue());
                skipWhitespace();
                char c = peek();
                ++i;
                if (c == ']')
                    return array;
                if (c != ',')
                    throw error("expected ',' or ']'");
            }
        }

        private String parseString() {
            StringBuilder b = new StringBuilder();
            ++i; // "
            while (true) {
                if (i >= s.length())
                    throw error("unterminated string");
                char c = s.charAt(i++);
                if (c == '"')
                    return b.toString();
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (i >= s.length())
                    throw error("unterminated escape");
                char e = s.charAt(i++);
                switch (e) {
                case '"': case '\\': case '/': b.append(e); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'n': b.append('\n'); break;
                case 'r': b.append('\r'); break;
                case 't': b.append('\t'); break;
                case 'u':
                    if (i + 4 > s.length())
                        throw error("short \\u escape");
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                    break;
                default: throw error("bad escape \\" + e);
                }
            }
        }

        private Object parseNumber() {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0)
                ++i;
            String number = s.substring(start, i);
            if (number.contains(".") || number.contains("e") || number.contains("E"))
                return Double.valueOf(number);
            return Long.valueOf(number);
        }

        private void expect(String word) {
            if (!s.startsWith(word, i))
                throw error("expected " + word);
            i += word.length();
        }

        private char peek() {
            if (i >= s.length())
                throw error("unexpected end");
            return s.charAt(i);
        }

        private void skipWhitespace() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i)))
                ++i;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at offset " + i);
        }
    }
}
