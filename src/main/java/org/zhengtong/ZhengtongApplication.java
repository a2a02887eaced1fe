package org.zhengtong;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ZhengtongApplication {
    public static void main(String[] args) {
        SpringApplication.run(ZhengtongApplication.class, args);
    }
}
