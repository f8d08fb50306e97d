import { describe, expect, it } from "vitest";
import { EMPTY_PAYLOAD_SHA256, encodeS3Path, sha256Hex, signRequest } from "./sigv4";

// The examples of "Authenticating Requests: Using the Authorization Header (AWS Signature
// Version 4)" in the Amazon S3 API reference: same credentials, bucket and date for all.
const credentials = { accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", region: "us-east-1" };
const host = "examplebucket.s3.amazonaws.com";
const date = new Date("2013-05-24T00:00:00Z");

describe("AWS Signature Version 4", () => {
  it("GET object (test.txt, first 10 bytes): canonical request, string to sign, signature", () => {
    const signed = signRequest({ method: "GET", host, path: "/test.txt", headers: { Range: "bytes=0-9" }, payloadHash: EMPTY_PAYLOAD_SHA256, date }, credentials);
    expect(signed.canonicalRequest).toBe(
      [
        "GET",
        "/test.txt",
        "",
        "host:examplebucket.s3.amazonaws.com",
        "range:bytes=0-9",
        "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "x-amz-date:20130524T000000Z",
        "",
        "host;range;x-amz-content-sha256;x-amz-date",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      ].join("\n"),
    );
    expect(signed.stringToSign).toBe(
      "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972",
    );
    expect(signed.signature).toBe("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    expect(signed.headers.authorization).toBe(
      "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41",
    );
  });

  it("PUT object (test$file.text) with a signed payload and extra headers", () => {
    const payload = "Welcome to Amazon S3.";
    expect(sha256Hex(payload)).toBe("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    const signed = signRequest(
      {
        method: "PUT",
        host,
        path: encodeS3Path(["test$file.text"]),
        headers: { Date: "Fri, 24 May 2013 00:00:00 GMT", "x-amz-storage-class": "REDUCED_REDUNDANCY" },
        payloadHash: sha256Hex(payload),
        date,
      },
      credentials,
    );
    expect(signed.canonicalRequest.split("\n").slice(0, 2)).toEqual(["PUT", "/test%24file.text"]);
    expect(signed.signature).toBe("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  });

  it("GET bucket lifecycle (a query parameter without value)", () => {
    const signed = signRequest({ method: "GET", host, path: "/", query: { lifecycle: "" }, payloadHash: EMPTY_PAYLOAD_SHA256, date }, credentials);
    expect(signed.signature).toBe("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
  });

  it("GET bucket (list objects): query parameters sorted", () => {
    const signed = signRequest({ method: "GET", host, path: "/", query: { prefix: "J", "max-keys": "2" }, payloadHash: EMPTY_PAYLOAD_SHA256, date }, credentials);
    expect(signed.canonicalRequest.split("\n")[2]).toBe("max-keys=2&prefix=J");
    expect(signed.signature).toBe("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
  });
});
