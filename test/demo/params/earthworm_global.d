# earthworm_global.d for the statmgr demonstration (installations and global message types).
# Used by test/demo/run-demo.sh and by the tests of the published binary (test/statmgr.Tests/Published).
Installation   INST_WILDCARD     0
Installation   INST_MENLO        3
Installation   INST_UNKNOWN    255
Message  TYPE_WILDCARD          0
Message  TYPE_ERROR             2
Message  TYPE_HEARTBEAT         3
Message  TYPE_TRACEBUF2        19
