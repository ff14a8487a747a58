public enum AsymExecutionModule {}
