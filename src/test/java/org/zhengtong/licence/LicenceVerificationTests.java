package org.zhengtong.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.PlatformTest;
import org.zhengtong.licence.internal.LicenceStore;

/**
 * The public verification page and the QR code, reached without signing in: the QR code carries the absolute address
 * of the licence's verification page as the request reached the server; unknown numbers are a 404, not an error.
 */
@PlatformTest
class LicenceVerificationTests {

    @Autowired MockMvc mvc;
    @Autowired Licences licences;
    @Autowired LicenceStore store;

    @Test
    void theQrCodeLeadsToTheVerificationPage() throws Exception {
        LicenceFixture.types(store);
        Licence l = licences.issue(new NewLicence(LicenceFixture.PERMIT, LicenceFixture.ID, "张三", LocalDate.now(Licences.CHINA), null,
                Map.of("scope", "食品销售"), null), "scjgj");

        var response = mvc.perform(get("http://zwfw.haichuan.gov.example/licences/" + l.number() + "/qr.png")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.getContentAsByteArray()));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        String text = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)))).getText();
        assertThat(text).isEqualTo("http://zwfw.haichuan.gov.example/licences/verify/" + l.number());

        var page = mvc.perform(get(text)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("电子印章有效").contains("张*");
    }

    @Test
    void anUnknownNumberIsNotFoundOnThePageAndForTheQrCode() throws Exception {
        var page = mvc.perform(get("/licences/verify/XX2000000001")).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(404);
        assertThat(page.getContentAsString()).contains("没有编号为 XX2000000001 的电子证照。");
        assertThat(mvc.perform(get("/licences/XX2000000001/qr.png")).andReturn().getResponse().getStatus()).isEqualTo(404);
        var form = mvc.perform(get("/licences/verify").param("number", " JY2026000001 ")).andReturn().getResponse();
        assertThat(form.getRedirectedUrl()).isEqualTo("/licences/verify/JY2026000001");
    }
}
