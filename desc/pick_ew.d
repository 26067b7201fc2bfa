#
#  pick_ew.d: picker configuration (abridged to the lines that matter to statmgr;
#  a real pick_ew.d also lists the stations to pick and the picking parameters).
#
#  statmgr reads this file only for the heartbeat interval: the last of the lines
#  HeartBeatInt, HeartbeatInt, HeartbeatSecs, HeartbeatInterval or HeartBeatInterval.
#
MyModuleId      MOD_PICK_EW
InRing          WAVE_RING         # trace data comes from here
OutRing         STATUS_RING       # picks, heartbeats and errors go here
HeartbeatInt    30                # seconds between heartbeats
LogFile         1
