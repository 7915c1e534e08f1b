# SPDX-License-Identifier: GPL-3.0-or-later
#
# The GitLab.com oracle: does Ruby's Net::HTTP on OpenSSL 3 at security level 2 (what GitLab.com
# fetches a self-managed instance with) accept a TLS server? See tests/oracles/README.md.
#
# Input on stdin, a JSON array:
#   [{"name": "full", "host": "gitlab.test", "port": 12345, "ca_file": "/path/trust.pem", "path": "/"}]
# Output on stdout, one JSON object per scenario and line, in input order:
#   {"name": "full", "accepted": true, "status": 200, "error": null}
#
# Each scenario connects to 127.0.0.1:port while host is used for SNI and for the certificate's
# name, trusts ca_file only (never the system's store), pins the security level to 2 in the SSL
# context, and GETs path with 5 s timeouts. A 400 whose body says "No required SSL certificate was
# sent" (nginx asking for a client certificate) is a rejection: the integration cannot work.
# Nothing in one scenario stops the others. Exit status: 0 when every scenario got its line, 2 on
# unusable input.

require "json"
require "net/http"
require "openssl"

# "@SECLEVEL=2" in the cipher string sets the SSL context's security level, whatever the
# machine's openssl.cnf says; Net::HTTP hands `ciphers` to SSLContext#set_params.
CIPHERS = "DEFAULT:@SECLEVEL=2"
SECURITY_LEVEL = 2
TIMEOUT_SECONDS = 5
CLIENT_CERT_REQUIRED = "No required SSL certificate was sent"

# The pin really pins: an SSL context set up like Net::HTTP sets up its own.
probe = OpenSSL::SSL::SSLContext.new
probe.set_params(ciphers: CIPHERS)
unless probe.security_level == SECURITY_LEVEL
  warn "net_http_oracle.rb: \"#{CIPHERS}\" gives security level #{probe.security_level}, not #{SECURITY_LEVEL}"
  exit 2
end

def verdict(name, accepted, status, error)
  { "name" => name, "accepted" => accepted, "status" => status, "error" => error }
end

def check(scenario)
  name = scenario["name"].to_s
  begin
    store = OpenSSL::X509::Store.new # empty: no set_default_paths
    store.add_file(scenario.fetch("ca_file").to_s)

    # No proxy (nil), whatever http_proxy/https_proxy say.
    http = Net::HTTP.new(scenario.fetch("host").to_s, Integer(scenario.fetch("port")), nil)
    http.ipaddr = "127.0.0.1"
    http.use_ssl = true
    http.verify_mode = OpenSSL::SSL::VERIFY_PEER
    http.verify_hostname = true
    http.cert_store = store
    http.ciphers = CIPHERS
    http.open_timeout = TIMEOUT_SECONDS
    http.read_timeout = TIMEOUT_SECONDS
    http.write_timeout = TIMEOUT_SECONDS
    http.ssl_timeout = TIMEOUT_SECONDS
    http.keep_alive_timeout = 0

    response = http.start { |session| session.get(scenario.fetch("path", "/").to_s) }
    status = response.code.to_i
    if status == 400 && response.body.to_s.include?(CLIENT_CERT_REQUIRED)
      return verdict(name, false, status, "client certificate required")
    end

    verdict(name, true, status, nil)
  rescue Exception => e # rubocop:disable Lint/RescueException -- one scenario never stops the others
    raise if e.is_a?(Interrupt) || e.is_a?(SystemExit)

    verdict(name, false, nil, "#{e.class}: #{e.message}")
  end
end

begin
  scenarios = JSON.parse($stdin.read)
  raise ArgumentError, "not a JSON array of objects" unless scenarios.is_a?(Array) && scenarios.all?(Hash)
rescue StandardError => e
  warn "net_http_oracle.rb: unusable input: #{e.class}: #{e.message}"
  exit 2
end

$stdout.sync = true
scenarios.each { |scenario| puts JSON.generate(check(scenario)) }
