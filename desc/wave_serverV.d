#
#  wave_serverV.d: waveform server configuration (abridged; statmgr reads only the
#  heartbeat interval from it).
#
MyModuleId        MOD_WAVESERVERV
RingName          WAVE_RING        # trace data to archive comes from here
LogFile           1
HeartBeatInt      15               # seconds between heartbeats
ServerIPAdr       127.0.0.1        # address clients connect to
ServerPort        16022
GapThresh         1.5
IndexUpdate       10
TankStructUpdate  1
TankStructFile    /data/tanks/tanks.str
#     SCNL            record  logo                          size MB  index  tank file
Tank  STA1 HHZ NC --  4096    INST_WILDCARD MOD_WILDCARD    100      10000  /data/tanks/sta1_hhz.tnk
