# earthworm.d for the statmgr demonstration: keys 41000-41999, unlikely to meet a real ring.
# Used by test/demo/run-demo.sh and by the tests of the published binary (test/statmgr.Tests/Published).
# It names every module of the repository's statmgr.d and desc/ files.
 Ring   WAVE_RING        41000
 Ring   PICK_RING        41005
 Ring   HYPO_RING        41015
 Ring   STATUS_RING      41050
 Ring   FLAG_RING        41999   # never created: statmgr and the stand-ins do not use it
 Module MOD_WILDCARD     0
 Module MOD_STARTSTOP    131
 Module MOD_STATMGR      132
 Module MOD_STATUS       134
 Module MOD_PICK_EW      140
 Module MOD_SLINK2EW     141
 Module MOD_TANKPLAYER   142
 Module MOD_WAVESERVERV  143
 Message TYPE_PAGE       104
 Message TYPE_KILL       105
 Message TYPE_RESTART    107
 Message TYPE_REQSTATUS  108
 Message TYPE_STATUS     109
 Message TYPE_RECONFIG   112
 Message TYPE_STOP       113
