// The component provider plugin's entry point (PulumiPlugin.yaml beside it): a committed file, so
// that the plugin folder is complete in the package; the code is compiled into dist/. Pulumi's
// run-plugin passes the engine's address as the plugin's argument, which main takes.
require("../bin/run-built")("pulumi-alicloud-caster component provider", "../dist/component-provider/studio-provider");
