public enum AsymVenuesModule {}
