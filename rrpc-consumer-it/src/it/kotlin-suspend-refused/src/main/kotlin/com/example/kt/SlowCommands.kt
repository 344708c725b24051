package com.example.kt

import io.rrpc.annotations.RrpcCommand

class SlowCommands {
  @RrpcCommand("ping")
  fun ping(): String = "pong"

  @RrpcCommand("warmUp")
  suspend fun warmUp(): String = "warm"
}
