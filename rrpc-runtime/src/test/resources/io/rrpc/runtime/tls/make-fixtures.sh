#!/usr/bin/env bash
# Regenerates the TLS test fixtures (throwaway keys, valid for 100 years). Run from this directory.
set -euo pipefail
days=36500
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days $days -subj "/CN=rrpc test CA"
openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -days $days -subj "/CN=rrpc other CA"
openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=localhost"
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\n' > server.ext
openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days $days -extfile server.ext
# The device's RSA key as Tencent issues it (PKCS#1) and as PKCS#8.
openssl genrsa -traditional -out device-rsa-pkcs1.key 2048
openssl pkcs8 -topk8 -nocrypt -in device-rsa-pkcs1.key -out device-rsa-pkcs8.key
openssl req -new -key device-rsa-pkcs1.key -out device-rsa.csr -subj "/CN=KL4J2XXXX8airConditioner1"
openssl x509 -req -in device-rsa.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out device-rsa.pem -days $days
# An EC device key in SEC1 form (with the EC PARAMETERS block openssl writes before it) and as PKCS#8.
openssl ecparam -name prime256v1 -genkey -out device-ec-sec1.key
openssl pkcs8 -topk8 -nocrypt -in device-ec-sec1.key -out device-ec-pkcs8.key
openssl req -new -key device-ec-sec1.key -out device-ec.csr -subj "/CN=KL4J2XXXX8airConditioner1"
openssl x509 -req -in device-ec.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out device-ec.pem -days $days
# An encrypted key, which the runtime refuses with a clear message.
openssl pkcs8 -topk8 -in device-rsa-pkcs1.key -out device-rsa-encrypted.key -passout pass:secret
rm -f ./*.csr server.ext ca.srl ca.key other-ca.key
