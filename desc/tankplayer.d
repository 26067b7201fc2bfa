#
#  tankplayer.d: tankplayer configuration (abridged; statmgr reads only the
#  heartbeat interval from it).
#
RingName        WAVE_RING         # play the waveforms into this ring
MyModuleId      MOD_TANKPLAYER
PlayMsgType     TYPE_TRACEBUF2
LogFile         1
HeartBeatInt    30                # seconds between heartbeats
Pause           10                # seconds between two wave files
StartUpDelay    10                # seconds before the first file
WaveFile        /data/tanks/test_event.tnk
