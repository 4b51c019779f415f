import { canonicalQuery, percentEncode, sign } from "./signature";

describe("RPC signature v1", () => {
  test("matches the published test vector", () => {
    const params = {
      AccessKeyId: "testid",
      Action: "DescribeRegions",
      Format: "XML",
      SignatureMethod: "HMAC-SHA1",
      SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
      SignatureVersion: "1.0",
      Timestamp: "2016-02-23T12:46:24Z",
      Version: "2014-05-26",
    };
    expect(sign("GET", params, "testsecret")).toBe("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
  });

  test("encodes the characters encodeURIComponent leaves alone", () => {
    expect(percentEncode("a!b'c(d)e*f g~")).toBe("a%21b%27c%28d%29e%2Af%20g~");
  });

  test("sorts keys and leaves the Signature out of what is signed", () => {
    expect(canonicalQuery({ b: "2", a: "1", Signature: "x" })).toBe("a=1&b=2");
  });
});
